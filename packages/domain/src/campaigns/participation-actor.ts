import type { SubjectLevel } from './campaign-mode.js';
import type { ParticipationActor } from './participation.js';

/**
 * Who a user acts as on a participation of a campaign over `subjectLevel`: the subject itself
 * (`village`: a village's clerk, a township's officer for their own township, a county unit's
 * officer), the reviewing township (villages only), or the county. Null: the role takes no part
 * (an inspector scores but sends no events).
 *
 * @example
 * participationActor('township_officer', 'township') // → 'village' (the township is the subject)
 * participationActor('township_officer', 'village') // → 'township'
 */
export function participationActor(
  role: string,
  subjectLevel: SubjectLevel,
): ParticipationActor | null {
  if (role === 'county_admin' || role === 'system_admin') return 'county';
  switch (subjectLevel) {
    case 'village':
      return role === 'village_clerk' ? 'village' : role === 'township_officer' ? 'township' : null;
    case 'township':
      return role === 'township_officer' ? 'village' : null;
    case 'county_unit':
      return role === 'unit_officer' ? 'village' : null;
  }
}
