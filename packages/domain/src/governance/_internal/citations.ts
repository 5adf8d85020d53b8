import type { Citation } from '../problem.js';
import {
  civilCodeArticles,
  collectiveEconomicOrganizationsLawArticles,
  landContractingLawArticles,
  majorDecisionRegulationArticles,
  partyBranchRegulationArticles,
  type LandContractingRule,
} from '../articles.js';

/** A 农村土地承包法 citation in the version in force on `date` (renumbered from 2019-01-01). */
export function landLawCitation(rule: LandContractingRule, date: string): Citation {
  const text =
    landContractingLawArticles.versions.find((v) => date >= v.from) ??
    landContractingLawArticles.versions[0]!;
  return {
    law: 'rural_land_contracting_law',
    version: text.version,
    article: text.articles[rule],
    ...(text.unverified.includes(rule) ? { unverified: true as const } : {}),
  };
}

/** The 《中国共产党支部工作条例（试行）》 Art. 11 citation. */
export function partyBranchCitation(): Citation {
  return {
    law: 'party_branch_work_regulation',
    version: partyBranchRegulationArticles.version,
    article: partyBranchRegulationArticles.members_meeting_vote,
  };
}

/** A 民法典 period-counting citation. */
export function civilCodeCitation(rule: 'period_start' | 'period_end'): Citation {
  return {
    law: 'civil_code',
    version: civilCodeArticles.version,
    article: civilCodeArticles[rule],
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
    const key = `${citation.law}|${citation.version}|${citation.article}|${citation.paragraph ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(citation);
  }
  return out;
}
