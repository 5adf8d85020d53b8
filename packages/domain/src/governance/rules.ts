/**
 * A share of a base, as the law words it: `inclusive` is "以上" (at least, the figure included),
 * otherwise "过/超过" (strictly more than). Compared in integers, never as rounded fractions.
 */
export interface Threshold {
  readonly numerator: number;
  readonly denominator: number;
  readonly inclusive: boolean;
}

/** Dates on which the versions of the laws took effect. */
export interface LawDates {
  /** First day of the 2025 村民委员会组织法 (amended 2025-10-28) [S: news report]. */
  readonly organicLaw2025: string;
  /** First day of the 农村集体经济组织法 [V]. */
  readonly collectiveEconomicOrganizationsLaw: string;
  /** First day of the 重大行政决策程序暂行条例 [V]. */
  readonly majorAdministrativeDecisionsRegulation: string;
}

/** The in-force dates the checks use. */
export const lawDates: LawDates = Object.freeze({
  organicLaw2025: '2026-01-01',
  collectiveEconomicOrganizationsLaw: '2025-05-01',
  majorAdministrativeDecisionsRegulation: '2019-09-01',
});

const at = (numerator: number, denominator: number): Threshold =>
  Object.freeze({ numerator, denominator, inclusive: true });
const over = (numerator: number, denominator: number): Threshold =>
  Object.freeze({ numerator, denominator, inclusive: false });

/**
 * Every threshold and period the governance checks apply, as data (legal reference §2–§5).
 * The thresholds are the same in both organic-law versions; what differs by version is listed
 * in the checks themselves (proxy rules, the 15-day posting minimum, the Party study step).
 */
export const governanceRules = Object.freeze({
  villagersMeeting: Object.freeze({
    quorumOfVillagers: over(1, 2),
    quorumOfHouseholds: at(2, 3),
    decision: over(1, 2),
  }),
  representativesMeeting: Object.freeze({ quorum: at(2, 3), decision: over(1, 2) }),
  groupMeeting: Object.freeze({
    quorumOfVillagers: at(2, 3),
    quorumOfHouseholds: at(2, 3),
    decision: over(1, 2),
  }),
  /** 党员大会 in 四议两公开 [S: lawyer's explainer, §4.A]; the decision base is the attendees as issue 4 states. */
  partyMembersMeeting: Object.freeze({ quorum: at(2, 3), decision: over(1, 2) }),
  /** 成员大会, 农村集体经济组织法 Art. 27: decision by two thirds of ALL members. */
  collectiveMembersMeeting: Object.freeze({ quorum: at(2, 3), decisionOfAllMembers: at(2, 3) }),
  /** 农村土地承包法 Arts. 19, 28, 52: of all villagers' meeting members or of all representatives. */
  landContract: Object.freeze({ decisionOfAll: at(2, 3) }),
  /** From 2025-05-01: collective property decisions need two thirds of all members. */
  collectiveAssetDisposal: Object.freeze({ decisionOfAllMembers: at(2, 3) }),
  election: Object.freeze({ turnout: over(1, 2), firstRound: over(1, 2), runoff: at(1, 3) }),
  proxy: Object.freeze({ maxPerHolder2025: 3 }),
  recall: Object.freeze({
    initiatedByVoters: at(1, 5),
    initiatedByRepresentatives: at(1, 3),
    turnout: over(1, 2),
    approval: over(1, 2),
  }),
  representatives: Object.freeze({
    women: at(1, 3),
    shareOfBody: at(4, 5),
    minHouseholdsPerRepresentative: 5,
    maxHouseholdsPerRepresentative: 15,
  }),
  disclosure: Object.freeze({
    /** A project default for "随时" (immediately); the law names no number of days. */
    majorWithinDaysDefault: 5,
    minPostedDays2025: 15,
  }),
  appraisal: Object.freeze({ consecutiveIncompetentToTerminate: 2 }),
  majorDecision: Object.freeze({
    publicCommentDays: 30,
    hearingNoticeDays: 7,
    legalityReviewWorkingDays: 7,
  }),
});
