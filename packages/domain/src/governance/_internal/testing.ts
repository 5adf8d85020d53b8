// Helpers for the governance tests (pure, no test-framework imports).
import type { Problem, LawId } from '../problem.js';

/** Freeze a value and everything reachable from it, so a mutation throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

const laws: readonly LawId[] = [
  'village_committees_organic_law',
  'rural_land_contracting_law',
  'rural_collective_economic_organizations_law',
  'major_administrative_decisions_regulation',
  'party_branch_work_regulation',
  'civil_code',
  'constitution',
  'womens_rights_law',
  'administrative_penalty_law',
];

/**
 * What is wrong with each problem's shape: a code, a severity, both messages, a well-formed
 * citation when there is one, and a citation for every code in `legalCodes`.
 */
export function problemShapeErrors(
  problems: readonly Problem[],
  legalCodes: readonly string[] = [],
): string[] {
  const errors: string[] = [];
  for (const p of problems) {
    if (!/^[A-Z][A-Z_]*$/.test(p.code)) errors.push(`bad code ${String(p.code)}`);
    if (p.severity !== 'error' && p.severity !== 'warning') errors.push(`${p.code}: bad severity`);
    if (!p.message.zh || !p.message.en) errors.push(`${p.code}: missing message`);
    if (p.code === 'INVALID_INPUT' && !p.field) errors.push('INVALID_INPUT without field');
    if (p.citation) {
      const { law, version, article } = p.citation;
      if (
        !laws.includes(law) ||
        !/^\d{4}$/.test(version) ||
        !Number.isInteger(article) ||
        article < 1
      ) {
        errors.push(`${p.code}: malformed citation`);
      }
    } else if (legalCodes.includes(p.code)) {
      errors.push(`${p.code}: legal rule without citation`);
    }
  }
  return errors;
}
