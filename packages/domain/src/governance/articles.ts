import type { Citation } from './problem.js';
import { organicLawVersion, type OrganicLawVersion } from './organic-law-version.js';

/** Rules of the 村民委员会组织法 the checks apply. */
export type OrganicLawRule =
  | 'committee_election'
  | 'proxy_voting'
  | 'recall'
  | 'villagers_meeting'
  | 'villagers_meeting_matters'
  | 'representatives_composition'
  | 'representatives_meeting'
  | 'village_rules'
  | 'group_meeting'
  | 'disclosure'
  | 'appraisal';

/** Article of each organic-law rule in each version (legal reference §2.A). */
export const organicLawArticles: Readonly<
  Record<OrganicLawRule, Readonly<Record<OrganicLawVersion, number>>>
> = Object.freeze({
  committee_election: { '2018': 15, '2025': 18 },
  proxy_voting: { '2018': 15, '2025': 18 },
  recall: { '2018': 16, '2025': 19 },
  villagers_meeting: { '2018': 22, '2025': 26 },
  villagers_meeting_matters: { '2018': 24, '2025': 28 },
  representatives_composition: { '2018': 25, '2025': 29 },
  representatives_meeting: { '2018': 26, '2025': 30 },
  village_rules: { '2018': 27, '2025': 31 },
  group_meeting: { '2018': 28, '2025': 32 },
  disclosure: { '2018': 30, '2025': 35 },
  appraisal: { '2018': 33, '2025': 38 },
});

/** The land-contracting rules the checks apply. */
export type LandContractingRule = 'contract_plan' | 'contract_adjustment' | 'contract_outsider';

/**
 * Articles of the 农村土地承包法 (legal reference §3.A, §4.F). The 2018 amendment (in force
 * 2019-01-01) renumbered them: before, the plan's two thirds was Art. 18, adjustment Art. 27 and
 * contracting to outsiders Art. 48 (the 2002 text, renumbering untouched by the 2009 amendment).
 * Art. 48 is not verified against the official text: its citations carry `unverified: true`.
 */
export const landContractingLawArticles = Object.freeze({
  /** The version in force from 2019-01-01 (kept at the top level for existing callers). */
  version: '2018',
  contract_plan: 19,
  contract_adjustment: 28,
  contract_outsider: 52,
  /** Every version, with the first day each applies and the article numbers not yet verified. */
  versions: Object.freeze([
    Object.freeze({
      version: '2018',
      from: '2019-01-01',
      articles: Object.freeze({
        contract_plan: 19,
        contract_adjustment: 28,
        contract_outsider: 52,
      }),
      unverified: Object.freeze([] as LandContractingRule[]),
    }),
    Object.freeze({
      version: '2002',
      from: '0000-01-01',
      articles: Object.freeze({
        contract_plan: 18,
        contract_adjustment: 27,
        contract_outsider: 48,
      }),
      unverified: Object.freeze(['contract_outsider'] as LandContractingRule[]),
    }),
  ]),
});

/** 《中国共产党支部工作条例（试行）》 (2018): Art. 11, the vote of the Party members' meeting. */
export const partyBranchRegulationArticles = Object.freeze({
  version: '2018',
  members_meeting_vote: 11,
});

/** 民法典 (2020): Art. 201 (a period counted in days starts the next day), Art. 203 (its end). */
export const civilCodeArticles = Object.freeze({
  version: '2020',
  period_start: 201,
  period_end: 203,
});

/** Articles of the 农村集体经济组织法 (2024 text, in force 2025-05-01, §3.B). */
export const collectiveEconomicOrganizationsLawArticles = Object.freeze({
  version: '2024',
  members_meeting: 27,
});

/** Articles of the 重大行政决策程序暂行条例 (2019 text, §5). */
export const majorDecisionRegulationArticles = Object.freeze({
  version: '2019',
  public_participation: 14,
  public_comment: 15,
  hearing: 16,
  expert_review: 19,
  risk_assessment: 22,
  legality_review_required: 25,
  legality_review_period: 26,
  legality_review_advisers: 28,
  party_committee_report: 31,
});

/**
 * The citation of an organic-law rule in the version in force on `date`.
 * Throws a `RangeError` on a malformed date.
 *
 * @example
 * organicLawCitation('villagers_meeting', '2026-01-01');
 * // { law: 'village_committees_organic_law', version: '2025', article: 26 }
 */
export function organicLawCitation(rule: OrganicLawRule, date: string): Citation {
  const version = organicLawVersion(date);
  return {
    law: 'village_committees_organic_law',
    version,
    article: organicLawArticles[rule][version],
  };
}
