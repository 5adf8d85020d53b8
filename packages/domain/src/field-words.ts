// The words a user reads for an input field, in place of its code name: error messages name
// the field as 应到人数, never as `eligible`. One map for the API's error formatter, the domain's
// input checks and the SPA.
import type { LocalizedText } from './localized-text.js';

const w = (zh: string, en: string): LocalizedText => ({ zh, en });

/** Each input field's name in words, keyed by its code name (the last part of its path). */
export const fieldWords: Readonly<Record<string, LocalizedText>> = {
  abstentions: w('弃权票数', 'abstentions'),
  action: w('操作', 'action'),
  active: w('是否有效', 'active'),
  activeOnly: w('仅显示有效', 'active only'),
  actor: w('操作人', 'actor'),
  adoptedOn: w('通过日期', 'date adopted'),
  asOf: w('截止日期', 'as-of date'),
  attendees: w('实到人数', 'number present'),
  awarded: w('是否命名', 'awarded'),
  awardingBody: w('命名机关', 'awarding body'),
  ballotsCast: w('投票人数', 'ballots cast'),
  body: w('会议类型', 'kind of meeting'),
  campaignId: w('创建活动', 'campaign'),
  candidates: w('候选人', 'candidates'),
  category: w('类别', 'category'),
  channel: w('来源渠道', 'channel'),
  checkedOn: w('检查日期', 'date checked'),
  code: w('编码', 'code'),
  collectiveDiscussionOn: w('集体讨论日期', 'date of collective discussion'),
  column: w('评分栏', 'column'),
  comments: w('评分说明', 'comment'),
  committeeMembers: w('村民委员会成员', 'committee members'),
  complainantName: w('投诉人姓名', 'complainant’s name'),
  completedOn: w('完成日期', 'date completed'),
  contact: w('联系方式', 'contact'),
  content: w('内容', 'content'),
  convenor: w('召集人', 'convenor'),
  count: w('数量', 'count'),
  countyCode: w('县（市、区）', 'county'),
  csv: w('CSV文件内容', 'CSV content'),
  currentPassword: w('当前密码', 'current password'),
  data: w('评分表', 'score sheet'),
  date: w('日期', 'date'),
  deadline: w('整改期限', 'deadline'),
  decidedOn: w('决定日期', 'date decided'),
  definition: w('指标体系', 'framework'),
  disabled: w('停用', 'disabled'),
  disclosureId: w('公开事项', 'disclosure'),
  displayName: w('姓名', 'name'),
  divisionCode: w('行政区划', 'division'),
  documentNumber: w('文号', 'document number'),
  eligible: w('应到人数', 'number entitled to attend'),
  eligibleVoters: w('有选举权的人数', 'eligible voters'),
  entity: w('对象', 'object'),
  event: w('操作', 'action'),
  expectedTotal: w('预计总数', 'expected total'),
  field: w('排序字段', 'sort field'),
  figures: w('数据', 'figures'),
  filedOn: w('备案日期', 'date filed'),
  fileName: w('文件名', 'file name'),
  findings: w('发现的问题', 'findings'),
  frameworkId: w('指标体系', 'framework'),
  frequentFinance: w('财务是否每月公开', 'monthly finance disclosure'),
  from: w('开始日期', 'start date'),
  grade: w('等次', 'grade'),
  grantId: w('交叉检查指派', 'cross-check grant'),
  groupId: w('村民小组', 'villager group'),
  households: w('户数', 'households'),
  id: w('记录', 'record'),
  ids: w('所选记录', 'chosen records'),
  includeInactive: w('包括已停用', 'include inactive'),
  initiatingRepresentatives: w('提议的村民代表人数', 'representatives proposing'),
  initiatingVoters: w('提议的选民人数', 'voters proposing'),
  inspector: w('评审员', 'inspector'),
  inspectorIds: w('评审员', 'inspectors'),
  issuedOn: w('发布日期', 'date issued'),
  issuer: w('发布单位', 'issuing body'),
  items: w('评分项', 'items'),
  kind: w('类型', 'kind'),
  label: w('名称', 'label'),
  level: w('级别', 'level'),
  limit: w('条数', 'limit'),
  matter: w('事项', 'matter'),
  matterId: w('事项', 'matter'),
  meeting: w('会议', 'meeting'),
  meetingId: w('会议', 'meeting'),
  member: w('成员', 'member'),
  minAcceptedScore: w('验收最低分', 'minimum accepted score'),
  minSelfScore: w('自评最低分', 'minimum self-assessment score'),
  minutes: w('会议记录', 'minutes'),
  mode: w('活动类型', 'campaign mode'),
  name: w('名称', 'name'),
  namedOn: w('命名日期', 'date named'),
  nameEn: w('英文名称', 'English name'),
  nameZh: w('中文名称', 'Chinese name'),
  newPassword: w('新密码', 'new password'),
  note: w('备注', 'note'),
  noticeDays: w('公示天数', 'days of public notice'),
  objector: w('异议人', 'objector'),
  on: w('日期', 'date'),
  onlyProblems: w('只看有问题的', 'problems only'),
  order: w('排序方向', 'order'),
  outcome: w('结论', 'outcome'),
  overrides: w('改填理由', 'override reasons'),
  page: w('页码', 'page'),
  pageSize: w('每页条数', 'page size'),
  parentCode: w('上级区划', 'parent division'),
  participationId: w('评分表', 'score sheet'),
  password: w('密码', 'password'),
  percent: w('比例', 'percentage'),
  period: w('期间', 'period'),
  pilotVillageCodes: w('试点村', 'pilot villages'),
  postedOn: w('公示日期', 'date posted'),
  postings: w('公开记录', 'postings'),
  problemsOnly: w('只看有问题的', 'problems only'),
  publicNotice: w('是否公示', 'public notice'),
  publishedOn: w('公布日期', 'date published'),
  q: w('搜索词', 'search'),
  rating: w('评定结果', 'rating'),
  ratings: w('评定结果', 'ratings'),
  reason: w('理由', 'reason'),
  reasons: w('理由', 'reasons'),
  receivedOn: w('收到日期', 'date received'),
  recommendationQuota: w('推荐名额', 'recommendation quota'),
  registeredVoters: w('登记选民人数', 'registered voters'),
  removedOn: w('撤下日期', 'date removed'),
  repliedOn: w('答复日期', 'date replied'),
  reply: w('答复', 'reply'),
  representatives: w('村民代表', 'representatives'),
  representativesVotesFor: w('村民代表赞成票数', 'representatives’ votes for'),
  requireLowerTitle: w('须先获得下一级称号', 'lower title required'),
  resolutionId: w('决议', 'resolution'),
  resolutions: w('决议', 'resolutions'),
  result: w('结果', 'result'),
  reviewedOn: w('审查日期', 'date reviewed'),
  role: w('角色', 'role'),
  round: w('轮次', 'round'),
  sample: w('样本', 'sample'),
  scopeCode: w('管辖范围', 'scope'),
  search: w('搜索词', 'search'),
  seats: w('应选名额', 'seats'),
  secretaryIsChair: w('书记兼任主任', 'secretary is chair'),
  seed: w('随机种子', 'seed'),
  sort: w('排序方式', 'sort'),
  sortOrder: w('排序', 'order'),
  stage: w('阶段', 'stage'),
  stageDates: w('各阶段日期', 'stage dates'),
  state: w('状态', 'state'),
  status: w('状态', 'status'),
  step: w('步骤', 'step'),
  steps: w('步骤', 'steps'),
  subjectLevel: w('考核对象', 'subject level'),
  substance: w('内容', 'substance'),
  summary: w('摘要', 'summary'),
  takenDownOn: w('撤下日期', 'date taken down'),
  text: w('文本', 'text'),
  title: w('标题', 'title'),
  titleId: w('称号', 'title'),
  to: w('结束日期', 'end date'),
  townshipCode: w('乡镇（街道）', 'township'),
  townshipScoreRequired: w('乡镇须逐项评分', 'township score required'),
  type: w('类型', 'type'),
  unitId: w('县直单位', 'county unit'),
  upheld: w('是否成立', 'upheld'),
  username: w('登录名', 'login name'),
  version: w('版本', 'version'),
  vetoes: w('否决项', 'vetoes'),
  villageCode: w('村（社区）', 'village'),
  voters: w('选民人数', 'voters'),
  votes: w('得票数', 'votes'),
  votesAgainst: w('反对票数', 'votes against'),
  votesFor: w('赞成票数', 'votes for'),
  womenRepresentatives: w('妇女代表人数', 'women representatives'),
  workbook: w('Excel文件', 'workbook'),
  year: w('年度', 'year'),
  userId: w('用户', 'user'),
  heldOn: w('召开日期', 'date held'),
  place: w('地点', 'place'),
  fileNames: w('附件', 'attached files'),
  ownOnly: w('仅看本人', 'own only'),
  parties: w('当事人数', 'number of parties'),
  partyNames: w('当事人姓名', 'names of the parties'),
  mediator: w('调解员', 'mediator'),
  method: w('方式', 'method'),
  closedOn: w('结案日期', 'date closed'),
  escalation: w('是否激化', 'escalation'),
  agreementNo: w('协议书编号', 'agreement number'),
  notes: w('备注', 'notes'),
  month: w('月份', 'month'),
  zeroReport: w('零报告', 'zero report'),
  screenedOn: w('排查日期', 'date screened'),
  disputesFound: w('排查出的纠纷数', 'disputes found'),
  answered: w('是否已答复', 'answered'),
  light: w('提示灯', 'light'),
  ownerCode: w('承办单位', 'owner'),
  subject: w('主题', 'subject'),
  assignerCode: w('交办单位', 'assigning office'),
  ownerUnit: w('承办部门', 'owning unit'),
  source: w('来源', 'source'),
  detail: w('具体内容', 'detail'),
  responsible: w('责任人', 'person responsible'),
  assignedOn: w('交办日期', 'date assigned'),
  milestones: w('节点', 'milestones'),
  due: w('节点期限', 'due date'),
  done: w('是否完成', 'done'),
  percentDone: w('完成进度（%）', 'percent done'),
  files: w('附件', 'files'),
  requestClose: w('申请办结', 'request to close'),
  milestonesDone: w('已完成节点', 'milestones done'),
  approve: w('是否同意', 'approve'),
  sourceKind: w('来源类别', 'kind of source'),
  raisedBy: w('提出人数', 'people who raised it'),
  screeningReason: w('筛选理由', 'screening reason'),
  budgetYuan: w('预算（元）', 'budget (yuan)'),
  spentYuan: w('已支出（元）', 'spent (yuan)'),
  deputies: w('代表总数', 'deputies'),
  present: w('出席人数', 'present'),
};

/** Path parts that only wrap the field a user typed: left out of its name. */
const wrappers = new Set(['data', 'event', 'input', 'figures']);

/**
 * A field's name in words from its path (`['resolutions', 0, 'votesFor']`, or dotted
 * `resolutions.0.votesFor`, or `resolutions[0].votesFor`): 第1项决议的赞成票数. A part that is
 * not a field (an indicator's code under `items`) is quoted after it: 评分项“A1.1”.
 */
export function fieldWord(path: readonly (string | number)[] | string): LocalizedText {
  const parts =
    typeof path === 'string'
      ? path
          .replace(/\[(\d+)\]/g, '.$1')
          .split('.')
          .filter((p) => p !== '')
      : path.map(String);
  const zh: string[] = [];
  const en: string[] = [];
  for (const [i, part] of parts.entries()) {
    if (/^\d+$/.test(part)) {
      const n = Number(part) + 1;
      if (zh.length > 0) {
        zh[zh.length - 1] = `第${n}项${zh[zh.length - 1]}`;
        en[en.length - 1] = `${en[en.length - 1]} #${n}`;
      }
      continue;
    }
    const word = Object.hasOwn(fieldWords, part) ? fieldWords[part] : undefined;
    if (word && wrappers.has(part) && i < parts.length - 1) continue;
    if (word) {
      zh.push(word.zh);
      en.push(word.en);
    } else if (zh.length > 0) {
      zh[zh.length - 1] += `“${part}”`;
      en[en.length - 1] += ` “${part}”`;
    } else {
      zh.push(`“${part}”`);
      en.push(`“${part}”`);
    }
  }
  return { zh: zh.join('的'), en: en.join(', ') };
}
