// The vote-check form's values → the input of `checkResolution` (null until the form is complete
// enough to check). Fields that do not apply to the chosen meeting are left out.
import {
  resolutionMatters,
  type CountySettings,
  type MeetingBody,
  type ResolutionInput,
  type ResolutionMatter,
} from '@fazhi/domain';

export interface ResolutionFormValues {
  body: MeetingBody;
  matter: ResolutionMatter;
  /** `YYYY-MM-DD` */
  date?: string | null;
  eligible?: number | null;
  households?: number | null;
  householdsRepresented?: number | null;
  representatives?: number | null;
  /** Of the votes for, the 村民代表's own (a land matter at a representatives meeting). */
  representativesVotesFor?: number | null;
  attendees?: number | null;
  votesFor?: number | null;
  votesAgainst?: number | null;
  abstentions?: number | null;
  /** County setting: two thirds of the voting Party members present (off by default). */
  partyTwoThirdsQuorum?: boolean;
}

/** Meetings whose quorum may also be counted in households. */
export const householdBodies: ReadonlySet<MeetingBody> = new Set([
  'villagers_meeting',
  'group_meeting',
]);

/** Land-contracting matters, which count the representatives' own votes at a representatives meeting. */
export function isLandMatter(matter: ResolutionMatter): boolean {
  return (
    matter === 'land_contract_plan' ||
    matter === 'land_contract_adjustment' ||
    matter === 'land_contract_outsider'
  );
}

/** Whether the form asks for the representatives' own votes for. */
export function needsRepresentativesVotes(body: MeetingBody, matter: ResolutionMatter): boolean {
  return body === 'representatives_meeting' && isLandMatter(matter);
}

/** The county settings the form sets (only the Party members' meeting quorum). */
export function countySettings(values: ResolutionFormValues): CountySettings {
  return values.body === 'party_members_meeting' && values.partyTwoThirdsQuorum
    ? { partyMembersMeetingTwoThirdsQuorum: true }
    : {};
}

/** Matters that a party members' meeting or a collective members' meeting does not decide. */
export function mattersFor(body: MeetingBody): ResolutionMatter[] {
  if (body === 'collective_members_meeting') return ['general', 'collective_asset_disposal'];
  if (body === 'party_members_meeting') return ['general'];
  return [...resolutionMatters];
}

const isCount = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export function resolutionInput(values: ResolutionFormValues): ResolutionInput | null {
  const { date, eligible, attendees, votesFor, votesAgainst, abstentions } = values;
  if (!date || !isCount(eligible) || !isCount(attendees)) return null;
  if (!isCount(votesFor) || !isCount(votesAgainst) || !isCount(abstentions)) return null;
  // a land matter at a representatives meeting is decided by the representatives' own votes
  if (
    needsRepresentativesVotes(values.body, values.matter) &&
    (!isCount(values.representatives) || !isCount(values.representativesVotesFor))
  ) {
    return null;
  }
  const households = householdBodies.has(values.body);
  return {
    body: values.body,
    matter: values.matter,
    date,
    eligible,
    attendees,
    votesFor,
    votesAgainst,
    abstentions,
    ...(households && isCount(values.households) ? { households: values.households } : {}),
    ...(households && isCount(values.householdsRepresented)
      ? { householdsRepresented: values.householdsRepresented }
      : {}),
    ...(values.body === 'representatives_meeting' && isCount(values.representatives)
      ? { representatives: values.representatives }
      : {}),
    ...(needsRepresentativesVotes(values.body, values.matter) &&
    isCount(values.representativesVotesFor)
      ? { representativesVotesFor: values.representativesVotesFor }
      : {}),
  };
}
