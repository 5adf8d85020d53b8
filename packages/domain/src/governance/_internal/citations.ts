import type { Citation } from '../problem.js';
import {
  collectiveEconomicOrganizationsLawArticles,
  landContractingLawArticles,
  majorDecisionRegulationArticles,
} from '../articles.js';

/** A 农村土地承包法 citation. */
export function landLawCitation(
  rule: 'contract_plan' | 'contract_adjustment' | 'contract_outsider',
): Citation {
  return {
    law: 'rural_land_contracting_law',
    version: landContractingLawArticles.version,
    article: landContractingLawArticles[rule],
  };
}

/** A 农村集体经济组织法 citation. */
export function collectiveLawCitation(rule: 'members_meeting'): Citation {
  return {
    law: 'rural_collective_economic_organizations_law',
    version: collectiveEconomicOrganizationsLawArticles.version,
    article: collectiveEconomicOrganizationsLawArticles[rule],
  };
}

/** A 重大行政决策程序暂行条例 citation. */
export function majorDecisionCitation(
  rule: Exclude<keyof typeof majorDecisionRegulationArticles, 'version'>,
): Citation {
  return {
    law: 'major_administrative_decisions_regulation',
    version: majorDecisionRegulationArticles.version,
    article: majorDecisionRegulationArticles[rule],
  };
}

/** The citations without duplicates, in first-seen order. */
export function uniqueCitations(citations: readonly (Citation | undefined)[]): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const citation of citations) {
    if (!citation) continue;
    const key = `${citation.law}|${citation.version}|${citation.article}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(citation);
  }
  return out;
}
