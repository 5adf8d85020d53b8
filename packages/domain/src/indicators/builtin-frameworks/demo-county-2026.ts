import type { Framework } from '../types.js';
import { seededVetoes, sources } from './sources.js';

/**
 * A complete 100-point county framework (40 items over 7 areas, every rule kind, six veto items)
 * built from the example scoring tables in legal-reference.md §1.G, the municipal requirements in
 * §1.B and the veto seeds in §1.C. Status `example`: a county should review it before use.
 */
export const demoCounty2026: Framework = {
  code: 'demo-county-2026',
  name: '示范县民主法治示范村创建考核验收评分细则（2026年）',
  version: '1.0.0',
  totalPoints: 100,
  status: 'example',
  description:
    '供演示县使用的完整100分评分细则：组织建设16分沿用示例A第1—12项，民主选举8分参照示例A第13—15项，其余类别依据枣庄市标准的量化要求和示例B、C的扣分方式编制；否决项取自乡村治理示范村镇撤销情形。',
  sources: [
    sources.exampleA,
    sources.exampleB,
    sources.exampleC,
    sources.zaozhuang,
    sources.xinyangAreas,
    sources.vetoSeeds,
    sources.townshipExclusion,
  ],
  grades: [
    { grade: 'excellent', minPoints: 90 },
    { grade: 'good', minPoints: 80 },
    { grade: 'pass', minPoints: 70 },
  ],
  vetoes: seededVetoes,
  areas: [
    {
      code: 'A1',
      name: '组织建设',
      points: 16,
      note: '示例A第1—12项，合计16分',
      items: [
        {
          code: 'A1.1',
          name: '村党组织健全，发挥领导核心作用；村级各类组织职责明确、协调运转',
          points: 2,
          evidence: ['党组织设置文件', '村级组织职责分工'],
          method: 'ledger',
          rule: {
            kind: 'checklist',
            entries: [
              { code: 'party-core', name: '党组织发挥领导核心作用', points: 1 },
              { code: 'duties', name: '村级组织职责明确、协调运转', points: 1 },
            ],
          },
        },
        {
          code: 'A1.2',
          name: '党支部制度健全、活动经常；党员发挥模范作用，无严重违纪',
          points: 2,
          evidence: ['党支部制度', '组织生活记录'],
          method: 'ledger',
          rule: {
            kind: 'checklist',
            entries: [
              { code: 'rules', name: '党支部制度健全、活动经常', points: 1 },
              { code: 'members', name: '党员模范作用，无严重违纪', points: 1 },
            ],
          },
        },
        {
          code: 'A1.3',
          name: '村民自治组织体系健全',
          points: 1,
          method: 'site_visit',
          rule: {
            kind: 'checklist',
            entries: [
              { code: 'committee', name: '村委会及下属委员会', points: 0.2 },
              { code: 'assembly', name: '村民会议', points: 0.2 },
              { code: 'representatives', name: '村民代表会议', points: 0.2 },
              { code: 'supervision', name: '村务监督委员会', points: 0.2 },
              { code: 'groups', name: '村民小组', points: 0.2 },
            ],
          },
        },
        {
          code: 'A1.4',
          name: '村委会自觉接受村党组织领导，“两委”团结协作',
          points: 1,
          method: 'interview',
          rule: { kind: 'check' },
        },
        {
          code: 'A1.5',
          name: '村委会每年至少向村民会议报告一次工作',
          points: 1,
          evidence: ['村民会议记录'],
          method: 'ledger',
          rule: { kind: 'check' },
        },
        {
          code: 'A1.6',
          name: '村委会工作制度健全（每项0.5分）',
          points: 3,
          method: 'ledger',
          rule: {
            kind: 'checklist',
            entries: [
              { code: 'meetings', name: '例会制度', points: 0.5 },
              { code: 'study', name: '学习制度', points: 0.5 },
              { code: 'rewards', name: '奖惩制度', points: 0.5 },
              { code: 'integrity', name: '廉政制度', points: 0.5 },
              { code: 'finance', name: '财务制度', points: 0.5 },
              { code: 'democratic-finance', name: '民主理财制度', points: 0.5 },
            ],
          },
        },
        {
          code: 'A1.7',
          name: '村民会议、村民代表会议制度健全，村民代表作用发挥明显',
          points: 1,
          method: 'ledger',
          rule: { kind: 'check' },
        },
        {
          code: 'A1.8',
          name: '村民会议每年至少召开一次，村民代表会议每季度至少召开一次',
          points: 2,
          evidence: ['会议通知', '签到表', '会议记录'],
          method: 'ledger',
          note: '参照示例B：每缺一份记录扣0.5分，扣完为止',
          metric: { key: 'meetings.scheduleShortfall' },
          rule: {
            kind: 'deduction',
            perUnit: 0.5,
            unit: { zh: '会议记录', en: 'meeting records' },
          },
        },
        {
          code: 'A1.9',
          name: '村委会下属委员会有制度、能履职；村民小组活动正常',
          points: 2,
          method: 'interview',
          rule: {
            kind: 'checklist',
            entries: [
              { code: 'sub-committees', name: '下属委员会有制度、能履职', points: 1 },
              { code: 'village-groups', name: '村民小组活动正常', points: 1 },
            ],
          },
        },
        {
          code: 'A1.10',
          name: '接受乡镇指导，按时完成交办任务',
          points: 1,
          method: 'interview',
          note: '督办任务办结后交办单位的评价：期间内办结的任务均为满意或基本满意为符合',
          metric: { key: 'tasks.satisfactoryRatio' },
          rule: { kind: 'check' },
        },
      ],
    },
    {
      code: 'A2',
      name: '民主选举',
      points: 8,
      note: '参照示例A第13—15项',
      items: [
        {
          code: 'A2.1',
          name: '按期换届，成员依法直接选举产生，村民选举委员会民主推选',
          points: 3,
          method: 'ledger',
          rule: {
            kind: 'checklist',
            entries: [
              { code: 'on-schedule', name: '按期换届', points: 1 },
              { code: 'direct', name: '直接选举产生，无委派、撤换', points: 1 },
              { code: 'election-committee', name: '村民选举委员会民主推选产生', points: 1 },
            ],
          },
        },
        {
          code: 'A2.2',
          name: '选民登记规范，无非法剥夺选举权和被选举权',
          points: 2,
          evidence: ['选民登记册', '公告'],
          method: 'ledger',
          rule: { kind: 'deduction', perUnit: 1 },
        },
        {
          code: 'A2.3',
          name: '村党组织书记依法担任村委会主任，“两委”交叉任职；村民代表人数符合法定要求',
          points: 2,
          method: 'ledger',
          rule: {
            kind: 'checklist',
            entries: [
              { code: 'one-shoulder', name: '书记依法担任村委会主任、“两委”交叉任职', points: 1 },
              { code: 'representatives', name: '村民代表人数符合法定要求', points: 1 },
            ],
          },
        },
        {
          code: 'A2.4',
          name: '村民对换届选举风气的满意率（%）',
          points: 1,
          method: 'survey',
          rule: {
            kind: 'bands',
            bands: [
              { min: 90, points: 1 },
              { min: 80, points: 0.5 },
            ],
          },
        },
      ],
    },
    {
      code: 'A3',
      name: '民主决策',
      points: 14,
      items: [
        {
          code: 'A3.1',
          name: '村级重大事项落实“四议两公开”',
          points: 4,
          evidence: ['提议、商议、审议、决议记录', '决议公开和实施结果公开照片'],
          method: 'ledger',
          metric: { key: 'fourDeliberations.incomplete' },
          rule: {
            kind: 'deduction',
            perUnit: 1,
            unit: { zh: '重大事项决策记录', en: 'major-decision records' },
          },
        },
        {
          code: 'A3.2',
          name: '村民会议、村民代表会议议事规则健全',
          points: 2,
          method: 'ledger',
          rule: { kind: 'check' },
        },
        {
          code: 'A3.3',
          name: '村民代表会议每季度召开且到会人数达三分之二以上（按季度计）',
          points: 3,
          method: 'ledger',
          metric: { key: 'meetings.representativesQuartersLawful' },
          rule: {
            kind: 'count',
            perUnit: 0.75,
            unit: { zh: '符合要求的季度会议', en: 'qualifying quarterly meetings' },
          },
        },
        {
          code: 'A3.4',
          name: '开展民主恳谈、民主听证、村民说事议事等协商',
          points: 3,
          method: 'ledger',
          rule: {
            kind: 'checklist',
            entries: [
              { code: 'rules', name: '村级协商制度', points: 1 },
              { code: 'records', name: '协商记录', points: 1 },
              { code: 'results', name: '协商结果运用', points: 1 },
            ],
          },
        },
        {
          code: 'A3.5',
          name: '表决和会议记录完整',
          points: 2,
          method: 'ledger',
          rule: {
            kind: 'deduction',
            perUnit: 0.5,
            unit: { zh: '会议表决记录', en: 'voting records' },
          },
        },
      ],
    },
    {
      code: 'A4',
      name: '民主管理与民主监督',
      points: 16,
      items: [
        {
          code: 'A4.1',
          name: '村民自治章程、村规民约健全，经村民会议讨论通过',
          points: 2,
          method: 'ledger',
          rule: { kind: 'check' },
        },
        {
          code: 'A4.2',
          name: '制定并公布村级小微权力事项清单，按清单运行',
          points: 2,
          method: 'site_visit',
          rule: { kind: 'check' },
        },
        {
          code: 'A4.3',
          name: '党务、村务、财务公开',
          points: 3,
          method: 'site_visit',
          metric: {
            entries: {
              party: { key: 'disclosures.party.onTimeRatio' },
              village: { key: 'disclosures.general.onTimeRatio' },
              finance: { key: 'disclosures.finance.onTimeRatio' },
            },
          },
          rule: {
            kind: 'checklist',
            entries: [
              { code: 'party', name: '党务公开', points: 1 },
              { code: 'village', name: '村务公开', points: 1 },
              { code: 'finance', name: '财务公开', points: 1 },
            ],
          },
        },
        {
          code: 'A4.4',
          name: '财务收支按月公开（全年公开月数，目标12个月）',
          points: 4,
          method: 'ledger',
          metric: { key: 'disclosures.finance.monthsPosted' },
          rule: { kind: 'proportional', target: 12 },
        },
        {
          code: 'A4.5',
          name: '村务监督委员会依法履职，监督记录完整；“两委”成员每年接受民主评议',
          points: 2,
          method: 'ledger',
          rule: {
            kind: 'deduction',
            perUnit: 0.5,
            unit: { zh: '监督记录', en: 'supervision records' },
          },
        },
        {
          code: 'A4.6',
          name: '村民对村务公开、民主管理的满意率（%）',
          points: 3,
          method: 'survey',
          rule: {
            kind: 'bands',
            bands: [
              { min: 90, points: 3 },
              { min: 80, points: 2 },
              { min: 70, points: 1 },
            ],
          },
        },
      ],
    },
    {
      code: 'A5',
      name: '法治建设',
      points: 26,
      items: [
        {
          code: 'A5.1',
          name: '配备村（社区）法律顾问和专职人民调解员',
          points: 4,
          method: 'ledger',
          rule: {
            kind: 'checklist',
            entries: [
              { code: 'legal-adviser', name: '村（社区）法律顾问', points: 2 },
              { code: 'mediator', name: '专职人民调解员', points: 2 },
            ],
          },
        },
        {
          code: 'A5.2',
          name: '培育“法律明白人”（至少3名）',
          points: 3,
          method: 'ledger',
          rule: {
            kind: 'count',
            perUnit: 1,
            unit: { zh: '法律明白人', en: 'legal-literate villagers' },
          },
        },
        {
          code: 'A5.3',
          name: '制定年度学法用法计划和普法计划',
          points: 2,
          method: 'ledger',
          rule: {
            kind: 'checklist',
            entries: [
              { code: 'study-plan', name: '年度学法用法计划', points: 1 },
              { code: 'publicity-plan', name: '年度普法计划', points: 1 },
            ],
          },
        },
        {
          code: 'A5.4',
          name: '建有法治宣传阵地',
          points: 3,
          method: 'site_visit',
          rule: {
            kind: 'checklist',
            entries: [
              { code: 'square', name: '法治文化广场（公园）', points: 1 },
              { code: 'board', name: '法治宣传栏', points: 1 },
              { code: 'library', name: '法律图书角', points: 1 },
            ],
          },
        },
        {
          code: 'A5.5',
          name: '全年开展普法活动（每次0.5分）',
          points: 2,
          method: 'ledger',
          metric: { key: 'legalEducation.activities' },
          rule: {
            kind: 'count',
            perUnit: 0.5,
            unit: { zh: '普法活动', en: 'legal-education events' },
          },
        },
        {
          code: 'A5.6',
          name: '矛盾纠纷调解成功率（%）',
          points: 3,
          method: 'ledger',
          metric: { key: 'mediation.successRate', scale: 100 },
          rule: {
            kind: 'bands',
            bands: [
              { min: 98, points: 3 },
              { min: 95, points: 2 },
              { min: 90, points: 1 },
            ],
          },
        },
        {
          code: 'A5.7',
          name: '村民法治知识知晓率（%，目标90%）',
          points: 3,
          method: 'survey',
          rule: { kind: 'proportional', target: 90 },
        },
        {
          code: 'A5.8',
          name: '矛盾纠纷排查化解台账（每月一次）',
          points: 4,
          method: 'ledger',
          metric: { key: 'disputeScreening.monthsMissing' },
          rule: {
            kind: 'deduction',
            perUnit: 0.5,
            unit: { zh: '月度排查记录', en: 'monthly screening records' },
          },
        },
        {
          code: 'A5.9',
          name: '培育“法治带头人”至少1名',
          points: 2,
          method: 'interview',
          rule: { kind: 'check' },
        },
      ],
    },
    {
      code: 'A6',
      name: '经济社会和谐发展',
      points: 10,
      items: [
        {
          code: 'A6.1',
          name: '村集体年经营性收入（万元）',
          points: 3,
          method: 'ledger',
          note: '示例C：年经营性收入20万元以上（加快发展县10万元以上）',
          rule: {
            kind: 'bands',
            bands: [
              { min: 20, points: 3 },
              { min: 10, points: 2 },
              { min: 5, points: 1 },
            ],
          },
        },
        {
          code: 'A6.2',
          name: '群众安全感满意率（%，目标95%）',
          points: 2,
          method: 'survey',
          rule: { kind: 'proportional', target: 95 },
        },
        {
          code: 'A6.3',
          name: '移风易俗，村风文明',
          points: 2,
          method: 'site_visit',
          rule: { kind: 'check' },
        },
        {
          code: 'A6.4',
          name: '土地承包和集体资产管理规范',
          points: 3,
          method: 'ledger',
          rule: {
            kind: 'checklist',
            entries: [
              { code: 'contracts', name: '土地承包合同档案完整', points: 1 },
              { code: 'assets', name: '集体资产清产核资台账', points: 1 },
              { code: 'members', name: '集体经济组织成员身份确认', points: 1 },
            ],
          },
        },
      ],
    },
    {
      code: 'A7',
      name: '组织保障',
      points: 10,
      items: [
        {
          code: 'A7.1',
          name: '创建工作有领导、有经费、有计划、有总结',
          points: 6,
          method: 'ledger',
          rule: {
            kind: 'checklist',
            entries: [
              { code: 'leading-group', name: '成立创建工作领导小组', points: 2 },
              { code: 'budget', name: '创建经费纳入村级预算', points: 2 },
              { code: 'plan', name: '年度创建计划', points: 1 },
              { code: 'summary', name: '年度创建总结', points: 1 },
            ],
          },
        },
        {
          code: 'A7.2',
          name: '创建档案（一村一档）齐全规范',
          points: 4,
          method: 'ledger',
          note: '档案分类：申报命名、日常检查、投诉举报、整改复评',
          rule: { kind: 'deduction', perUnit: 1, unit: { zh: '创建档案', en: 'archive sections' } },
        },
      ],
    },
  ],
};
