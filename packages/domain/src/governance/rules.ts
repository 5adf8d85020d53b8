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
  /** First day of the 2018 amendment of the 农村土地承包法 (articles renumbered) [V]. */
  readonly landContractingLaw2018: string;
}

/**
 * What a county may lawfully demand beyond the national texts. Every setting is off by default
 * (absent or `false`), so the checks apply the national rule unless a county switches one on.
 * Pass the same object to every check.
 */
export interface CountySettings {
  /**
   * 党员大会: at least two thirds of the voting members present, instead of the half of
   * 《中国共产党支部工作条例（试行）》 Art. 11 (some 四议两公开 rules ask for it).
   */
  readonly partyMembersMeetingTwoThirdsQuorum?: boolean;
  /**
   * 村民小组议事规则 filed with the township: a warning when not filed. The organic law's filing
   * duty (2018 Art. 27 / 2025 Art. 31) covers only the 自治章程 and the 村规民约.
   */
  readonly groupRulesFilingRequired?: boolean;
  /**
   * 重大行政决策: a public comment period (向社会公开征求意见) for every decision. Nationally it is
   * one form of public participation among others (重大行政决策程序暂行条例 Art. 14).
   */
  readonly publicCommentRequired?: boolean;
}

/** The in-force dates the checks use. */
export const lawDates: LawDates = Object.freeze({
  organicLaw2025: '2026-01-01',
  collectiveEconomicOrganizationsLaw: '2025-05-01',
  majorAdministrativeDecisionsRegulation: '2019-09-01',
  landContractingLaw2018: '2019-01-01',
});

const at = (numerator: number, denominator: number): Threshold =>
  Object.freeze({ numerator, denominator, inclusive: true });
const over = (numerator: number, denominator: number): Threshold =>
  Object.freeze({ numerator, denominator, inclusive: false });

/**
 * Every threshold and period the governance checks apply, as data (legal reference §2–§5).
 * The thresholds are the same in both organic-law versions; what differs by version is listed
 * in the checks themselves (proxy rules, the 15-day posting minimum, the Party study step).
 * Stricter county rules are `CountySettings`, never changes to these national figures.
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
  /**
   * 党员大会, 《中国共产党支部工作条例（试行）》 (2018) Art. 11: "表决必须有半数以上有表决权的党员到会
   * 方可进行，赞成人数超过应到会有表决权的党员的半数为通过". "以上" includes the figure (as the library
   * reads it everywhere, 民法典 Art. 1259), so half present is a quorum; the decision is more
   * than half of ALL voting members. `quorumTwoThirds` is the county setting
   * `partyMembersMeetingTwoThirdsQuorum`, off by default.
   */
  partyMembersMeeting: Object.freeze({
    quorum: at(1, 2),
    decisionOfAllMembers: over(1, 2),
    quorumTwoThirds: at(2, 3),
  }),
  /**
   * 成员大会, 农村集体经济组织法 Art. 27: two thirds of the members with full civil capacity
   * (具有完全民事行为能力) present; decision by two thirds of ALL of them.
   */
  collectiveMembersMeeting: Object.freeze({ quorum: at(2, 3), decisionOfAllMembers: at(2, 3) }),
  /**
   * 农村土地承包法 (2018) Arts. 19, 28, 52 (before 2019-01-01: 18, 27, 48): two thirds of all
   * villagers' meeting members, or "三分之二以上村民代表" — the representatives' own votes of all
   * representatives, committee members apart.
   */
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
    /** 2025 Art. 35, counted as 民法典 Arts. 201 and 203 count a period. */
    minPostedDays2025: 15,
    /**
     * 党务公开 (《中国共产党党务公开条例（试行）》, 2017): its frequencies are unverified (legal
     * reference §4.B), so none is applied unless the caller configures one (`partyEveryMonths`).
     */
    partyEveryMonthsDefault: null,
  }),
  appraisal: Object.freeze({ consecutiveIncompetentToTerminate: 2 }),
  majorDecision: Object.freeze({
    publicCommentDays: 30,
    hearingNoticeDays: 7,
    legalityReviewWorkingDays: 7,
  }),
});
