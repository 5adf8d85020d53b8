// 存在问题 and 下一步打算: written from the figures of the sections before them (a falling success
// rate, escalations, resolutions with problems, overdue disclosures, rules not filed, registers
// with nothing recorded). They add no figures of their own: each sentence cites one shown above.
import { formatRate } from '@fazhi/domain';
import { figureOf, type ReportSectionContent, type SectionProvider } from '../report-types.js';

type Finding =
  | 'successRate'
  | 'unhandled'
  | 'escalations'
  | 'resolutions'
  | 'disclosures'
  | 'rules'
  | 'emptyRegisters';

function findings(earlier: readonly ReportSectionContent[]): { key: Finding; text: string }[] {
  const value = (key: string) => figureOf(earlier, key)?.value ?? 0;
  const out: { key: Finding; text: string }[] = [];
  const success = figureOf(earlier, 'mediation.successRate');
  if (success?.value != null && success.previous != null && success.value < success.previous) {
    out.push({
      key: 'successRate',
      text: `调解成功率${formatRate(success.value)}，低于上年的${formatRate(success.previous)}。`,
    });
  }
  const open = value('mediation.received') - value('mediation.closed');
  if (open > 0) out.push({ key: 'unhandled', text: `尚有${open}件纠纷未在年内调处。` });
  const petition = value('mediation.petition');
  const criminal = value('mediation.criminal');
  if (petition + criminal > 0) {
    out.push({
      key: 'escalations',
      text: `发生越级上访${petition}件、民转刑${criminal}件，矛盾纠纷源头化解仍有薄弱环节。`,
    });
  }
  const resolutions = value('democracy.resolutionsWithProblems');
  if (resolutions > 0) {
    out.push({ key: 'resolutions', text: `${resolutions}项村务决议程序不规范。` });
  }
  const overdue = value('democracy.disclosuresOverdue');
  if (overdue > 0) out.push({ key: 'disclosures', text: `三务公开逾期${overdue}期次。` });
  const rules = value('democracy.rulesOpen');
  if (rules > 0) {
    out.push({ key: 'rules', text: `${rules}个村（社区）的村规民约未备案或未通过审查。` });
  }
  const empty = earlier
    .filter((s) => s.key === 'legal_education' || s.key === 'legal_services')
    .filter((s) => s.figures.length === 0);
  if (empty.length > 0) {
    out.push({
      key: 'emptyRegisters',
      text: `${empty.map((s) => (s.key === 'legal_education' ? '普法宣传' : '公共法律服务')).join('、')}工作尚未建立台账，数据不全。`,
    });
  }
  return out;
}

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八'];

export const problemsFound: SectionProvider = async (_ctx, earlier) => {
  const found = findings(earlier);
  return {
    figures: [],
    sentences:
      found.length === 0
        ? ['对照创建标准，本年度台账未反映突出问题，但工作基础仍需巩固。']
        : found.map((f, i) => `${numerals[i] ?? i + 1}是${f.text}`),
  };
};

const plans: Record<Finding, string> = {
  successRate: '加强调解员培训，提高调解成功率',
  unhandled: '跟踪在办纠纷，做到件件有着落',
  escalations: '坚持和发展新时代“枫桥经验”，把矛盾纠纷化解在基层',
  resolutions: '规范村务决策程序，落实“四议两公开”',
  disclosures: '按期开展三务公开，接受群众监督',
  rules: '督促村规民约备案审查，及时修订完善',
  emptyRegisters: '建立健全普法宣传和公共法律服务工作台账',
};

export const nextSteps: SectionProvider = async (_ctx, earlier) => {
  const items = [
    ...findings(earlier).map((f) => plans[f.key]),
    '持续深化民主法治示范村（社区）创建，巩固创建成果',
  ];
  return {
    figures: [],
    sentences: items.map((t, i) => `${numerals[i] ?? i + 1}是${t}。`),
  };
};
