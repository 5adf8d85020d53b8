import type { Framework } from '../types.js';
import { seededVetoes, sources } from './sources.js';

/**
 * A template following the five areas of the national 《“全国民主法治示范村（社区）”建设指导标准》
 * (legal-reference.md §1.B). Items 1–6 of the derived standards are encoded in areas 1–2; the
 * national points and items 7+ were not found, so every area is a 20-point placeholder and the
 * items of areas 3–5 are county-configurable suggestions drawn from the 枣庄 2023 requirements
 * and the example scoring tables (§1.G). Status `template`: copy it, adapt it, validate it.
 */
export const nationalTemplate: Framework = {
  code: 'national-guiding-standard-template',
  name: '全国民主法治示范村（社区）建设指导标准——五方面评分模板',
  version: '0.1.0',
  totalPoints: 100,
  status: 'template',
  description:
    '按国家建设指导标准的五个方面编排的模板。国家标准的分值和第7项以后的条文未能取得，各方面暂按20分平均分配；标注 configurable 的评分项由县级结合实际配置。',
  sources: [
    sources.xinyangAreas,
    sources.derivedItems,
    sources.zaozhuang,
    sources.exampleA,
    sources.exampleC,
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
      code: 'N1',
      name: '村级组织健全完善',
      points: 20,
      note: '分值为占位（国家标准分值未取得）；条文依据派生标准第1—3条',
      items: [
        {
          code: 'N1.1',
          name: '村党组织领导村级各类组织和各项工作；书记通过法定程序担任村委会主任和集体经济组织负责人，“两委”成员交叉任职',
          points: 7,
          method: 'ledger',
          note: '派生标准第1条 [S]',
          rule: {
            kind: 'checklist',
            entries: [
              { code: 'party-leads', name: '村党组织全面领导', points: 3 },
              {
                code: 'one-shoulder',
                name: '书记依法担任村委会主任和集体经济组织负责人',
                points: 2,
              },
              { code: 'cross-serve', name: '“两委”成员交叉任职', points: 2 },
            ],
          },
        },
        {
          code: 'N1.2',
          name: '村委会、村务监督委员会等组织制度健全、运行规范、依法履职，接受乡镇指导和监督',
          points: 6,
          method: 'ledger',
          note: '派生标准第2条 [S]；协商制度为六安市补充',
          rule: {
            kind: 'checklist',
            entries: [
              { code: 'rules', name: '组织制度健全', points: 2 },
              { code: 'duties', name: '运行规范、依法履职', points: 2 },
              { code: 'guidance', name: '接受乡镇指导和监督', points: 1 },
              { code: 'consultation', name: '建立村级协商制度并开展协商', points: 1 },
            ],
          },
        },
        {
          code: 'N1.3',
          name: '党纪严明；村级组织成员无刑事犯罪记录、非“村霸”、不涉黑涉恶，无违纪违法',
          points: 7,
          method: 'interview',
          note: '派生标准第3条 [S]；严重情形另列为否决项V2',
          rule: { kind: 'check' },
        },
      ],
    },
    {
      code: 'N2',
      name: '基层民主规范有序',
      points: 20,
      note: '分值为占位；条文依据派生标准第4—6条',
      items: [
        {
          code: 'N2.1',
          name: '村党组织、村委会、村务监督委员会、人民调解委员会等按期换届，程序规范，风气清正；村民代表人数符合法定要求',
          points: 6,
          method: 'ledger',
          note: '派生标准第4条 [S]',
          rule: {
            kind: 'checklist',
            entries: [
              { code: 'on-schedule', name: '按期换届', points: 2 },
              { code: 'procedure', name: '选举程序规范', points: 2 },
              { code: 'climate', name: '选举风气清正', points: 1 },
              { code: 'representatives', name: '村民代表人数符合法定要求', points: 1 },
            ],
          },
        },
        {
          code: 'N2.2',
          name: '就建设项目、征地拆迁等开展民主恳谈、民主听证、村民说事议事，有记录、结果有运用',
          points: 6,
          method: 'ledger',
          note: '派生标准第5条 [S]',
          rule: {
            kind: 'checklist',
            entries: [
              { code: 'held', name: '开展民主协商', points: 2 },
              { code: 'records', name: '协商有记录', points: 2 },
              { code: 'results', name: '协商结果有运用', points: 2 },
            ],
          },
        },
        {
          code: 'N2.3',
          name: '村级重大事项经“四议两公开”决策，表决和会议记录完整',
          points: 5,
          method: 'ledger',
          note: '派生标准第6条 [S]',
          metric: { key: 'fourDeliberations.incomplete' },
          rule: {
            kind: 'deduction',
            perUnit: 1,
            unit: { zh: '重大事项决策记录', en: 'major-decision records' },
          },
        },
        {
          code: 'N2.4',
          name: '村民代表会议每季度至少召开一次，三分之二以上代表到会，决定经到会人员过半数同意（按季度计）',
          points: 3,
          method: 'ledger',
          note: '派生标准第6条 [S]，重述《村民委员会组织法》规定',
          metric: { key: 'meetings.representativesQuartersLawful' },
          rule: {
            kind: 'count',
            perUnit: 0.75,
            unit: { zh: '符合要求的季度会议', en: 'qualifying quarterly meetings' },
          },
        },
      ],
    },
    {
      code: 'N3',
      name: '法治建设扎实推进',
      points: 20,
      note: '国家标准条文未取得 [NF]；评分项为依据枣庄市2023年标准的县级可配置建议',
      items: [
        {
          code: 'N3.1',
          name: '村（社区）至少配备1名法律顾问',
          points: 3,
          method: 'ledger',
          configurable: true,
          metric: { key: 'legalAdviser.underContract' },
          rule: { kind: 'check' },
        },
        {
          code: 'N3.2',
          name: '至少配备1名专职人民调解员',
          points: 3,
          method: 'ledger',
          configurable: true,
          rule: { kind: 'check' },
        },
        {
          code: 'N3.3',
          name: '培育“法律明白人”至少3名',
          points: 3,
          method: 'ledger',
          configurable: true,
          rule: {
            kind: 'count',
            perUnit: 1,
            unit: { zh: '法律明白人', en: 'legal-literate villagers' },
          },
        },
        {
          code: 'N3.4',
          name: '培育“法治带头人”至少1名',
          points: 2,
          method: 'interview',
          configurable: true,
          rule: { kind: 'check' },
        },
        {
          code: 'N3.5',
          name: '制定年度学法用法计划和年度普法计划',
          points: 4,
          method: 'ledger',
          configurable: true,
          rule: {
            kind: 'checklist',
            entries: [
              { code: 'study-plan', name: '年度学法用法计划', points: 2 },
              { code: 'publicity-plan', name: '年度普法计划', points: 2 },
            ],
          },
        },
        {
          code: 'N3.6',
          name: '全年开展法治宣传教育活动',
          points: 5,
          method: 'ledger',
          configurable: true,
          metric: { key: 'legalEducation.activities' },
          rule: {
            kind: 'count',
            perUnit: 1,
            unit: { zh: '法治宣传教育活动', en: 'legal-education events' },
          },
        },
      ],
    },
    {
      code: 'N4',
      name: '经济社会和谐发展',
      points: 20,
      note: '国家标准条文未取得 [NF]；评分项为县级可配置建议',
      items: [
        {
          code: 'N4.1',
          name: '党务、村务、财务公开',
          points: 6,
          method: 'site_visit',
          configurable: true,
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
              { code: 'party', name: '党务公开', points: 2 },
              { code: 'village', name: '村务公开', points: 2 },
              { code: 'finance', name: '财务公开', points: 2 },
            ],
          },
        },
        {
          code: 'N4.2',
          name: '制定并公布村级小微权力事项清单',
          points: 4,
          method: 'site_visit',
          configurable: true,
          rule: { kind: 'check' },
        },
        {
          code: 'N4.3',
          name: '村集体年经营性收入（万元）',
          points: 5,
          method: 'ledger',
          configurable: true,
          note: '示例C：20万元以上（加快发展县10万元以上）',
          rule: {
            kind: 'bands',
            bands: [
              { min: 20, points: 5 },
              { min: 10, points: 3 },
              { min: 5, points: 1 },
            ],
          },
        },
        {
          code: 'N4.4',
          name: '村民对村务公开和民主管理的满意率（%，目标90%）',
          points: 5,
          method: 'survey',
          configurable: true,
          note: '2006年某市村务公开民主管理示范村标准：满意率90%以上',
          rule: { kind: 'proportional', target: 90 },
        },
      ],
    },
    {
      code: 'N5',
      name: '组织保障坚强有力',
      points: 20,
      note: '国家标准条文未取得 [NF]；评分项为县级可配置建议',
      items: [
        {
          code: 'N5.1',
          name: '“两委”成员每年至少接受一次民主评议',
          points: 5,
          method: 'ledger',
          configurable: true,
          metric: { key: 'appraisals.held' },
          rule: { kind: 'check' },
        },
        {
          code: 'N5.2',
          name: '创建工作有领导小组、有经费保障',
          points: 6,
          method: 'ledger',
          configurable: true,
          rule: {
            kind: 'checklist',
            entries: [
              { code: 'leading-group', name: '创建工作领导小组', points: 3 },
              { code: 'budget', name: '创建经费保障', points: 3 },
            ],
          },
        },
        {
          code: 'N5.3',
          name: '一村一档：申报命名、日常检查、投诉举报、整改复评',
          points: 4,
          method: 'ledger',
          configurable: true,
          note: '滨州市动态管理办法',
          rule: {
            kind: 'checklist',
            entries: [
              { code: 'application', name: '申报命名材料', points: 1 },
              { code: 'checks', name: '日常检查记录', points: 1 },
              { code: 'complaints', name: '投诉举报处理记录', points: 1 },
              { code: 'rectification', name: '整改复评材料', points: 1 },
            ],
          },
        },
        {
          code: 'N5.4',
          name: '创建台账资料齐全（每缺一项扣1分）',
          points: 5,
          method: 'ledger',
          configurable: true,
          rule: { kind: 'deduction', perUnit: 1, unit: { zh: '创建台账', en: 'creation records' } },
        },
      ],
    },
  ],
};
