import type { FrameworkSource, VetoCondition } from '../types.js';

/** Where the built-in frameworks come from (see docs: legal-reference.md §1.B, §1.C, §1.G). */
export const sources = {
  xinyangAreas: {
    title: '信阳市司法局：全国民主法治示范村（社区）建设指导标准的五个方面（2023）',
    url: 'http://jinyinzb.wallstreetnews.com.cn/hyxw/2023/0226/10639.html',
    reliability: 'verified',
    note: 'The five top-level areas of the national guiding standard.',
  },
  derivedItems: {
    title: '六安市司法局及“XX县”据国家指导标准制定的创建标准（第1—6条）',
    url: 'https://sfj.luan.gov.cn/public/6608241/9805207.html',
    reliability: 'secondary',
    note: 'Items 1–6 of derived county and city standards; items 7+ of the national text not retrieved.',
  },
  zaozhuang: {
    title: '枣庄市民主法治示范村（社区）创建标准（2023，27项）',
    url: 'http://sdfzcm.com/a/fayuan/20230209/94284.html',
    reliability: 'verified',
    note: 'Quantitative requirements: legal adviser, mediator, 法治带头人, 法律明白人, plans, 三务公开, 小微权力清单, democratic appraisal.',
  },
  exampleA: {
    title: '民主法治示范村考核验收评分细则（示例A，第1—15项）',
    url: 'http://fsou.com/html/text/lar/174078/17407822_1.html',
    reliability: 'verified',
    note: '组织建设 16 points, items 1–12; 民主选举 8 points.',
  },
  exampleB: {
    title: '城中区民主法治示范社区评分标准（示例B）',
    reliability: 'secondary',
    note: 'The “item + deduction per missing record” format (−0.5 per missing piece of evidence).',
  },
  exampleC: {
    title: '浙江省善治村申报评定表（示例C）',
    url: 'https://001doc.com/doc/881092.html',
    reliability: 'secondary',
    note: 'Collective operating income ≥ ¥200k per year; −0.5 / −1 per violation.',
  },
  vetoSeeds: {
    title: '全国乡村治理示范村镇复核撤销情形（2023），用作一票否决项的种子',
    url: 'https://xncapp.cn/article/zhikuguwen/20230707/91279.html',
    reliability: 'unverified',
    note: 'A different national programme; applied to 民主法治示范村 only as a configurable seed [U].',
  },
  townshipExclusion: {
    title: '某乡镇2024年创建方案：不得参加创建的情形（第一项）',
    url: 'http://bibiwenku.com/index/article/detail/detail_id/363790.html',
    reliability: 'secondary',
  },
} satisfies Record<string, FrameworkSource>;

/** Veto conditions seeded from legal-reference.md §1.C (configurable; not national wording). */
export const seededVetoes: readonly VetoCondition[] = [
  {
    code: 'V1',
    name: '村级组织违反国家法律法规，侵犯公民、法人或其他组织合法权益，造成不良社会影响',
    note: '某乡镇2024年创建方案列明的第一项不得参加创建情形 [S]',
  },
  {
    code: 'V2',
    name: '村级组织成员有刑事犯罪记录、系“村霸”、涉黑涉恶，或受到党纪政务处分',
    note: '派生标准第3条在实践中作否决项使用 [S]',
  },
  {
    code: 'V3',
    name: '发生黄赌毒、邪教或涉黑涉恶案件',
    note: '乡村治理示范村镇撤销情形 [U as applied]',
  },
  {
    code: 'V4',
    name: '发生危害国家安全事件、严重刑事案件、重大安全事故或严重公共安全事件',
    note: '乡村治理示范村镇撤销情形 [U as applied]',
  },
  {
    code: 'V5',
    name: '发生拐卖、虐待或暴力侵害妇女、儿童、残疾人事件，造成重大负面影响',
    note: '乡村治理示范村镇撤销情形 [U as applied]',
  },
  {
    code: 'V6',
    name: '发生集体上访、越级上访或群体性事件，造成不良影响',
    note: '乡村治理示范村镇撤销情形 [U as applied]',
  },
];
