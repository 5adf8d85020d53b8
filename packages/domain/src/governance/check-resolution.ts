import type { LocalizedText } from '../localized-text.js';
import { organicLawCitation } from './articles.js';
import {
  collectiveLawCitation,
  landLawCitation,
  partyBranchCitation,
  uniqueCitations,
} from './_internal/citations.js';
import { InputChecker, problem } from './_internal/problems.js';
import type { Citation, Problem } from './problem.js';
import { governanceRules, lawDates, type CountySettings, type Threshold } from './rules.js';
import { describeThreshold, meetsThreshold, requiredCount } from './_internal/thresholds.js';

/** The meetings whose resolutions `checkResolution` checks. */
export type MeetingBody =
  | 'villagers_meeting'
  | 'representatives_meeting'
  | 'group_meeting'
  | 'party_members_meeting'
  | 'collective_members_meeting';

/** The matter decided; it can demand more than a simple majority. */
export type ResolutionMatter =
  | 'general'
  | 'land_contract_plan'
  | 'land_contract_adjustment'
  | 'land_contract_outsider'
  | 'collective_asset_disposal';

/** Approvals a resolution needs from outside the village before it takes effect. */
export type Approval = 'township_government' | 'county_agriculture_department';

export const meetingBodies: readonly MeetingBody[] = [
  'villagers_meeting',
  'representatives_meeting',
  'group_meeting',
  'party_members_meeting',
  'collective_members_meeting',
];

/**
 * The meetings a village records: the bodies above, and 两委联席会议, which consults and decides
 * nothing (no quorum rule, no check).
 */
export const recordMeetingBodies = [
  ...(meetingBodies as readonly [MeetingBody, ...MeetingBody[]]),
  'joint_committees_meeting',
] as const;
export type RecordMeetingBody = (typeof recordMeetingBodies)[number];

export const resolutionMatters: readonly ResolutionMatter[] = [
  'general',
  'land_contract_plan',
  'land_contract_adjustment',
  'land_contract_outsider',
  'collective_asset_disposal',
];

/** A recorded meeting and its vote. All counts are people (or households) as integers. */
export interface ResolutionInput {
  readonly body: MeetingBody;
  /** Date of the meeting, `YYYY-MM-DD`; selects the law version in force. */
  readonly date: string;
  /** Defaults to `'general'`. */
  readonly matter?: ResolutionMatter;
  /**
   * Who should attend: villagers aged 18+ (villagers' or group meeting); all members of the
   * body (representatives meeting: representatives plus committee members); the Party members
   * with a vote (有表决权的党员: full members, 预备党员 not included); or, for a collective
   * members meeting, the members with full civil capacity (具有完全民事行为能力的成员,
   * 农村集体经济组织法 Art. 27), who are both the quorum base and the "全体成员" of the decision.
   * From 2025-05-01 it is also the member count for `collective_asset_disposal`.
   */
  readonly eligible: number;
  /** Households (villagers' or group meeting), for the household quorum. */
  readonly households?: number;
  /** Households represented at the meeting. */
  readonly householdsRepresented?: number;
  /**
   * The 村民代表 among the members of a representatives meeting (committee members excluded);
   * the base of the land-contract two thirds ("三分之二以上村民代表"). Required for a land matter
   * at a representatives meeting.
   */
  readonly representatives?: number;
  /**
   * Of `votesFor`, the votes of the 村民代表 themselves (committee members' votes apart).
   * Required for a land matter at a representatives meeting: the land two thirds counts only
   * these, of all `representatives`.
   */
  readonly representativesVotesFor?: number;
  readonly attendees: number;
  readonly votesFor: number;
  readonly votesAgainst: number;
  readonly abstentions: number;
}

export interface ResolutionResult {
  readonly quorumMet: boolean;
  readonly passed: boolean;
  /** Approvals still needed after the vote (land adjustment, contracting to outsiders). */
  readonly approvalsRequired: readonly Approval[];
  readonly problems: readonly Problem[];
  /** The rules applied. */
  readonly citations: readonly Citation[];
}

const bodyNames: Record<MeetingBody, LocalizedText> = {
  villagers_meeting: { zh: '村民会议', en: "villagers' meeting" },
  representatives_meeting: { zh: '村民代表会议', en: "villagers' representatives meeting" },
  group_meeting: { zh: '村民小组会议', en: "villager group's meeting" },
  party_members_meeting: { zh: '党员大会', en: 'Party members meeting' },
  collective_members_meeting: { zh: '集体经济组织成员大会', en: 'collective members meeting' },
};

/** @example meetingBodyName('villagers_meeting').zh // → '村民会议' */
export function meetingBodyName(body: MeetingBody): LocalizedText {
  return bodyNames[body];
}

const landMatters = {
  land_contract_plan: 'contract_plan',
  land_contract_adjustment: 'contract_adjustment',
  land_contract_outsider: 'contract_outsider',
} as const;

const approvalsByMatter: Record<ResolutionMatter, readonly Approval[]> = {
  general: [],
  land_contract_plan: [],
  land_contract_adjustment: ['township_government', 'county_agriculture_department'],
  land_contract_outsider: ['township_government'],
  collective_asset_disposal: [],
};

function validate(input: ResolutionInput): Problem[] {
  const check = new InputChecker();
  check.oneOf('body', input.body, meetingBodies);
  check.date('date', input.date);
  if (input.matter !== undefined) check.oneOf('matter', input.matter, resolutionMatters);
  const counts =
    check.count('eligible', input.eligible, 1) &&
    check.count('attendees', input.attendees) &&
    check.count('votesFor', input.votesFor) &&
    check.count('votesAgainst', input.votesAgainst) &&
    check.count('abstentions', input.abstentions);
  if (counts) {
    check.notAbove('attendees', input.attendees, input.eligible, 'eligible');
    const votes = input.votesFor + input.votesAgainst + input.abstentions;
    check.notAbove('votesFor', votes, input.attendees, 'attendees');
  }
  const householdsOk = check.optionalCount('households', input.households);
  const representedOk = check.optionalCount('householdsRepresented', input.householdsRepresented);
  if (representedOk && input.householdsRepresented !== undefined) {
    if (input.households === undefined) {
      check.fail('households', {
        zh: '给出到会户数时必须给出总户数',
        en: 'is required when householdsRepresented is given',
      });
    } else if (householdsOk) {
      check.notAbove(
        'householdsRepresented',
        input.householdsRepresented,
        input.households,
        'households',
      );
    }
  }
  const representativesOk = check.optionalCount('representatives', input.representatives);
  if (representativesOk && input.representatives !== undefined && counts) {
    check.notAbove('representatives', input.representatives, input.eligible, 'eligible');
  }
  const repVotesOk = check.optionalCount('representativesVotesFor', input.representativesVotesFor);
  if (repVotesOk && input.representativesVotesFor !== undefined && counts) {
    check.notAbove(
      'representativesVotesFor',
      input.representativesVotesFor,
      input.votesFor,
      'votesFor',
    );
    if (representativesOk && input.representatives !== undefined) {
      check.notAbove(
        'representativesVotesFor',
        input.representativesVotesFor,
        input.representatives,
        'representatives',
      );
      // the other votes for are committee members' votes
      check.notAbove(
        'votesFor',
        input.votesFor - input.representativesVotesFor,
        input.eligible - input.representatives,
        'the committee members (eligible − representatives)',
      );
    }
  }
  const matter = input.matter ?? 'general';
  if (
    input.body === 'representatives_meeting' &&
    (matter === 'land_contract_plan' ||
      matter === 'land_contract_adjustment' ||
      matter === 'land_contract_outsider')
  ) {
    const required = {
      zh: '村民代表会议表决土地承包事项时必填（三分之二以上村民代表的同意，不计村民委员会成员）',
      en: "is required for a land matter at a representatives meeting (two thirds of the representatives' own votes, committee members apart)",
    };
    if (input.representatives === undefined) check.fail('representatives', required);
    else if (input.representatives === 0) {
      check.fail('representatives', {
        zh: '村民代表会议表决土地承包事项时应至少有 1 名村民代表',
        en: 'must be at least 1 for a land matter at a representatives meeting',
      });
    }
    if (input.representativesVotesFor === undefined) {
      check.fail('representativesVotesFor', required);
    }
  }
  return check.problems;
}

function fail(problems: Problem[]): ResolutionResult {
  return { quorumMet: false, passed: false, approvalsRequired: [], problems, citations: [] };
}

interface Quorum {
  readonly met: boolean;
  readonly threshold: Threshold;
  readonly citation: Citation | undefined;
}

function quorumOf(input: ResolutionInput, settings: CountySettings): Quorum {
  const { body, date, eligible, attendees, households, householdsRepresented } = input;
  const byHouseholds = (threshold: Threshold): boolean =>
    households !== undefined &&
    householdsRepresented !== undefined &&
    households > 0 &&
    meetsThreshold(householdsRepresented, households, threshold);
  switch (body) {
    case 'villagers_meeting': {
      const rules = governanceRules.villagersMeeting;
      return {
        met:
          meetsThreshold(attendees, eligible, rules.quorumOfVillagers) ||
          byHouseholds(rules.quorumOfHouseholds),
        threshold: rules.quorumOfVillagers,
        citation: organicLawCitation('villagers_meeting', date),
      };
    }
    case 'representatives_meeting': {
      const rules = governanceRules.representativesMeeting;
      return {
        met: meetsThreshold(attendees, eligible, rules.quorum),
        threshold: rules.quorum,
        citation: organicLawCitation('representatives_meeting', date),
      };
    }
    case 'group_meeting': {
      const rules = governanceRules.groupMeeting;
      return {
        met:
          meetsThreshold(attendees, eligible, rules.quorumOfVillagers) ||
          byHouseholds(rules.quorumOfHouseholds),
        threshold: rules.quorumOfVillagers,
        citation: organicLawCitation('group_meeting', date),
      };
    }
    case 'party_members_meeting': {
      // 《中国共产党支部工作条例（试行）》 Art. 11; two thirds only where the county asks for it.
      const rules = governanceRules.partyMembersMeeting;
      const threshold = settings.partyMembersMeetingTwoThirdsQuorum
        ? rules.quorumTwoThirds
        : rules.quorum;
      return {
        met: meetsThreshold(attendees, eligible, threshold),
        threshold,
        citation: partyBranchCitation(),
      };
    }
    case 'collective_members_meeting':
      return {
        met: meetsThreshold(attendees, eligible, governanceRules.collectiveMembersMeeting.quorum),
        threshold: governanceRules.collectiveMembersMeeting.quorum,
        citation: collectiveLawCitation('members_meeting'),
      };
  }
}

/** 2018 Art. 28 para. 3 (a group's own property); 2025 Art. 32. */
function groupPropertyCitation(date: string): Citation {
  const citation = organicLawCitation('group_meeting', date);
  return citation.version === '2018' ? { ...citation, paragraph: 3 } : citation;
}

interface Decision {
  readonly met: boolean;
  /**
   * `'attendees'`: of those present; `'all'`: of all members (or representatives);
   * `'all_party'`: more than half of all voting Party members.
   */
  readonly base: 'attendees' | 'all' | 'all_representatives' | 'all_party';
  readonly baseCount: number;
  readonly threshold: Threshold;
  readonly citations: readonly Citation[];
}

function decisionOf(input: ResolutionInput, quorum: Quorum): Decision {
  const { body, date, eligible, attendees, votesFor } = input;
  const matter = input.matter ?? 'general';
  const ofAll = (
    baseCount: number,
    threshold: Threshold,
    citations: Citation[],
    votes = votesFor,
    base: Decision['base'] = 'all',
  ): Decision => ({
    met: meetsThreshold(votes, baseCount, threshold),
    base,
    baseCount,
    threshold,
    citations,
  });
  if (body === 'party_members_meeting') {
    // "赞成人数超过应到会有表决权的党员的半数为通过": of ALL voting members, not of those present.
    return ofAll(
      eligible,
      governanceRules.partyMembersMeeting.decisionOfAllMembers,
      [partyBranchCitation()],
      votesFor,
      'all_party',
    );
  }
  if (body === 'collective_members_meeting') {
    return ofAll(eligible, governanceRules.collectiveMembersMeeting.decisionOfAllMembers, [
      collectiveLawCitation('members_meeting'),
    ]);
  }
  if (
    matter === 'land_contract_plan' ||
    matter === 'land_contract_adjustment' ||
    matter === 'land_contract_outsider'
  ) {
    const citations = [landLawCitation(landMatters[matter], date)];
    if (body === 'representatives_meeting') {
      // "三分之二以上村民代表的同意": the representatives' own votes of all representatives
      // (validation makes both figures present here).
      return ofAll(
        input.representatives ?? eligible,
        governanceRules.landContract.decisionOfAll,
        citations,
        input.representativesVotesFor ?? 0,
        'all_representatives',
      );
    }
    return ofAll(eligible, governanceRules.landContract.decisionOfAll, citations);
  }
  if (matter === 'collective_asset_disposal') {
    if (date >= lawDates.collectiveEconomicOrganizationsLaw) {
      return ofAll(eligible, governanceRules.collectiveAssetDisposal.decisionOfAllMembers, [
        collectiveLawCitation('members_meeting'),
      ]);
    }
  }
  const threshold =
    body === 'representatives_meeting'
      ? governanceRules.representativesMeeting.decision
      : body === 'group_meeting'
        ? governanceRules.groupMeeting.decision
        : governanceRules.villagersMeeting.decision;
  const citations = quorum.citation ? [quorum.citation] : [];
  if (matter === 'collective_asset_disposal') {
    // A group's own property (before 2025-05-01, so always the 2018 text): 2018 Art. 28 para. 3
    // (2025 Art. 32), "属于村民小组的集体所有的土地、企业和其他财产的经营管理以及公益事项的办理，
    // 由村民小组会议依照有关法律的规定讨论决定"; the village's property: 2018 Art. 24 / 2025 Art. 28.
    citations.push(
      body === 'group_meeting'
        ? groupPropertyCitation(date)
        : organicLawCitation('villagers_meeting_matters', date),
    );
  }
  return {
    met: meetsThreshold(votesFor, attendees, threshold),
    base: 'attendees',
    baseCount: attendees,
    threshold,
    citations,
  };
}

/**
 * Checks a meeting's quorum and vote under the law in force on the meeting date.
 *
 * - 村民会议: quorum more than half of villagers aged 18+, or at least two thirds of households
 *   (organic law 2018 Art. 22 / 2025 Art. 26); 村民代表会议: at least two thirds of members
 *   (Art. 26 / 30); 村民小组会议: at least two thirds of villagers or households (Art. 28 / 32).
 *   These pass with more than half of the attendees in favour unless the matter demands more.
 * - 党员大会 (《中国共产党支部工作条例（试行）》 2018 Art. 11): half or more of the voting members
 *   present ("半数以上"; two thirds when `settings.partyMembersMeetingTwoThirdsQuorum`), and
 *   passed when the votes for are more than half of ALL voting members (`eligible`), not of
 *   those present.
 * - 集体经济组织成员大会 (only from 2025-05-01): quorum and decision both two thirds of the
 *   members with full civil capacity, the decision of ALL of them (农村集体经济组织法 Art. 27).
 * - Land contracting (农村土地承包法 2018 Arts. 19, 28, 52; before 2019-01-01 Arts. 18, 27, 48):
 *   at least two thirds of all villagers' meeting members in favour, or at a representatives
 *   meeting the representatives' own votes (`representativesVotesFor`) of all `representatives`;
 *   adjustments and contracting to outsiders also list the approvals required.
 * - Collective asset disposal: before 2025-05-01 the meeting's own rules (the village's
 *   property 2018 Art. 24; a group's own property 2018 Art. 28 para. 3), two thirds of all
 *   members from then on.
 *
 * Impossible counts or a malformed date give `INVALID_INPUT` with the field and every boolean false.
 *
 * @example
 * checkResolution({
 *   body: 'villagers_meeting', date: '2026-03-01', eligible: 100,
 *   attendees: 51, votesFor: 26, votesAgainst: 20, abstentions: 5,
 * });
 * // { quorumMet: true, passed: true, approvalsRequired: [], problems: [],
 * //   citations: [{ law: 'village_committees_organic_law', version: '2025', article: 26 }] }
 */
export function checkResolution(
  input: ResolutionInput,
  settings: CountySettings = {},
): ResolutionResult {
  const invalid = validate(input);
  if (invalid.length > 0) return fail(invalid);

  const matter = input.matter ?? 'general';
  const { body, date } = input;
  const name = bodyNames[body];

  if (body === 'collective_members_meeting' && date < lawDates.collectiveEconomicOrganizationsLaw) {
    return fail([
      problem(
        'LAW_NOT_IN_FORCE',
        'error',
        {
          zh: `农村集体经济组织法自 ${lawDates.collectiveEconomicOrganizationsLaw} 起施行，${date} 尚无成员大会的法定规则`,
          en: `The Rural Collective Economic Organizations Law applies from ${lawDates.collectiveEconomicOrganizationsLaw}; on ${date} there is no statutory members meeting`,
        },
        { field: 'body' },
      ),
    ]);
  }
  if (body === 'party_members_meeting' && matter !== 'general') {
    return fail([
      problem(
        'WRONG_BODY',
        'error',
        {
          zh: '党员大会只能审议，不能就该事项作出决定',
          en: 'A Party members meeting reviews proposals; it cannot decide this matter',
        },
        { field: 'body' },
      ),
    ]);
  }

  const quorum = quorumOf(input, settings);
  const decision = decisionOf(input, quorum);
  const problems: Problem[] = [];
  const decisionCitation = decision.citations[0];

  if (!quorum.met) {
    const need = describeThreshold(quorum.threshold);
    problems.push(
      problem(
        'QUORUM_NOT_MET',
        'error',
        {
          zh: `${name.zh}应有${need.zh}的应到人员出席（至少 ${requiredCount(input.eligible, quorum.threshold)} 人），实到 ${input.attendees} 人`,
          en: `A ${name.en} needs ${need.en} of those entitled present (at least ${requiredCount(input.eligible, quorum.threshold)}); ${input.attendees} attended`,
        },
        { citation: quorum.citation, field: 'attendees' },
      ),
    );
  }
  if (!decision.met) {
    const need = describeThreshold(decision.threshold);
    const needed = requiredCount(decision.baseCount, decision.threshold);
    problems.push(
      decision.base === 'all_party'
        ? problem(
            'MAJORITY_NOT_MET',
            'error',
            {
              zh: `赞成人数须超过应到会有表决权的党员（${decision.baseCount} 人）的半数（至少 ${needed} 票），赞成 ${input.votesFor} 票`,
              en: `Votes for must be more than half of all ${decision.baseCount} voting Party members, not only of those present (at least ${needed}); ${input.votesFor} voted for`,
            },
            { citation: decisionCitation, field: 'votesFor' },
          )
        : decision.base === 'all_representatives'
          ? problem(
              'TWO_THIRDS_OF_ALL_NOT_MET',
              'error',
              {
                zh: `该事项须经三分之二以上村民代表同意（全体 ${decision.baseCount} 名村民代表中至少 ${needed} 票，村民委员会成员的票不计），村民代表赞成 ${input.representativesVotesFor ?? 0} 票`,
                en: `This matter needs ${need.en} of all ${decision.baseCount} representatives in favour (at least ${needed}; committee members' votes do not count); representatives voting for: ${input.representativesVotesFor ?? 0}`,
              },
              { citation: decisionCitation, field: 'representativesVotesFor' },
            )
          : decision.base === 'all'
            ? problem(
                'TWO_THIRDS_OF_ALL_NOT_MET',
                'error',
                {
                  zh: `该事项须经全体 ${decision.baseCount} 名成员的${need.zh}同意（至少 ${needed} 票），赞成 ${input.votesFor} 票`,
                  en: `This matter needs ${need.en} of all ${decision.baseCount} members in favour (at least ${needed}); ${input.votesFor} voted for`,
                },
                { citation: decisionCitation, field: 'votesFor' },
              )
            : problem(
                'MAJORITY_NOT_MET',
                'error',
                {
                  zh: `决定须经到会人员的${need.zh}同意（至少 ${needed} 票），赞成 ${input.votesFor} 票`,
                  en: `A decision needs ${need.en} of those present in favour (at least ${needed}); ${input.votesFor} voted for`,
                },
                { citation: decisionCitation, field: 'votesFor' },
              ),
    );
  }

  return {
    quorumMet: quorum.met,
    passed: quorum.met && decision.met,
    approvalsRequired: [...approvalsByMatter[matter]],
    problems,
    citations: uniqueCitations([quorum.citation, ...decision.citations]),
  };
}
