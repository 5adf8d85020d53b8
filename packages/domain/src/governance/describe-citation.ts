import type { LocalizedText } from '../localized-text.js';
import type { Citation, LawId } from './problem.js';

/** The short names of the laws the checks cite, as officials write them. */
export const lawNames: Readonly<Record<LawId, LocalizedText>> = Object.freeze({
  village_committees_organic_law: {
    zh: '村民委员会组织法',
    en: 'Organic Law of the Villagers’ Committees',
  },
  rural_land_contracting_law: { zh: '农村土地承包法', en: 'Rural Land Contracting Law' },
  rural_collective_economic_organizations_law: {
    zh: '农村集体经济组织法',
    en: 'Rural Collective Economic Organizations Law',
  },
  major_administrative_decisions_regulation: {
    zh: '重大行政决策程序暂行条例',
    en: 'Interim Regulation on Major Administrative Decision Procedures',
  },
});

/**
 * A citation as one line of text, naming the version because article numbers differ between
 * versions.
 *
 * @example
 * describeCitation({ law: 'village_committees_organic_law', version: '2025', article: 26 })
 * // { zh: '《村民委员会组织法》（2025年版）第26条',
 * //   en: 'Organic Law of the Villagers’ Committees (2025 text), Art. 26' }
 */
export function describeCitation(citation: Citation): LocalizedText {
  const name = lawNames[citation.law];
  return {
    zh: `《${name.zh}》（${citation.version}年版）第${citation.article}条`,
    en: `${name.en} (${citation.version} text), Art. ${citation.article}`,
  };
}
