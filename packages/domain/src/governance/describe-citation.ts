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
  party_branch_work_regulation: {
    zh: '中国共产党支部工作条例（试行）',
    en: 'Regulation on the Work of CPC Branches (Trial)',
  },
  civil_code: { zh: '民法典', en: 'Civil Code' },
  constitution: { zh: '宪法', en: 'Constitution' },
  womens_rights_law: {
    zh: '妇女权益保障法',
    en: 'Law on the Protection of Women’s Rights and Interests',
  },
  administrative_penalty_law: { zh: '行政处罚法', en: 'Administrative Penalty Law' },
  local_congresses_organic_law: {
    zh: '地方各级人民代表大会和地方各级人民政府组织法',
    en: 'Organic Law of Local People’s Congresses and Local People’s Governments',
  },
});

/**
 * A citation as one line of text, naming the version because article numbers differ between
 * versions; a paragraph is named when the citation has one, and an unverified article number
 * says so.
 *
 * @example
 * describeCitation({ law: 'village_committees_organic_law', version: '2025', article: 26 })
 * // { zh: '《村民委员会组织法》（2025年版）第26条',
 * //   en: 'Organic Law of the Villagers’ Committees (2025 text), Art. 26' }
 */
export function describeCitation(citation: Citation): LocalizedText {
  const name = lawNames[citation.law];
  const paragraph = citation.paragraph;
  const zhParagraph = paragraph === undefined ? '' : `第${paragraph}款`;
  const enParagraph = paragraph === undefined ? '' : ` para. ${paragraph}`;
  const zhCaution = citation.unverified ? '（条文序号待核实）' : '';
  const enCaution = citation.unverified ? ' (article number unverified)' : '';
  return {
    zh: `《${name.zh}》（${citation.version}年版）第${citation.article}条${zhParagraph}${zhCaution}`,
    en: `${name.en} (${citation.version} text), Art. ${citation.article}${enParagraph}${enCaution}`,
  };
}
