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

/** Articles of the 农村土地承包法 (2018 text, §3.A). */
export const landContractingLawArticles = Object.freeze({
  version: '2018',
  contract_plan: 19,
  contract_adjustment: 28,
  contract_outsider: 52,
});

/** Articles of the 农村集体经济组织法 (2024 text, in force 2025-05-01, §3.B). */
export const collectiveEconomicOrganizationsLawArticles = Object.freeze({
  version: '2024',
  members_meeting: 27,
});

/** Articles of the 重大行政决策程序暂行条例 (2019 text, §5). */
export const majorDecisionRegulationArticles = Object.freeze({
  version: '2019',
  public_comment: 15,
  hearing: 16,
  legality_review_required: 25,
  legality_review_period: 26,
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
