// The audit log in words: each action and kind of object by its name, and what changed as
// "字段：旧值 → 新值" with the fields' words and the names of stages, states, levels… — never
// ids, codes or raw JSON. Chinese and English, the reader's language chosen by the SPA.
import {
  adviserServiceLabels,
  budgetRecordKindNames,
  annualOutcomeName,
  campaignModeName,
  campaignStageName,
  deliberationStepName,
  fieldWord,
  fieldWords,
  lawNames,
  mediationLabels,
  meetingBodyName,
  participationStateName,
  projectStageNames,
  pufaLabels,
  recheckOutcomeName,
  roleName,
  subjectLevelName,
  taskRatingNames,
  taskSourceNames,
  taskStateNames,
  titleLevelName,
  titleStatusName,
  type LocalizedText,
} from '@fazhi/domain';

const w = (zh: string, en: string): LocalizedText => ({ zh, en });

/** Every action the log records, in words. */
export const auditActionNames: Readonly<Record<string, LocalizedText>> = {
  'auth.login': w('登录', 'Signed in'),
  'auth.login_failed': w('登录失败', 'Failed sign-in'),
  'auth.logout': w('退出', 'Signed out'),
  'auth.change_password': w('修改密码', 'Changed password'),
  'users.create': w('新建用户', 'Created a user'),
  'users.update': w('修改用户', 'Changed a user'),
  'units.create': w('新建县直单位', 'Created a county unit'),
  'units.update': w('修改县直单位', 'Changed a county unit'),
  'divisions.import': w('导入区划', 'Imported divisions'),
  'demo.seed': w('载入演示数据', 'Loaded the demo data'),
  'campaigns.create': w('新建创建活动', 'Created a campaign'),
  'campaigns.update': w('修改创建活动', 'Changed a campaign'),
  'campaigns.remove': w('删除创建活动', 'Deleted a campaign'),
  'campaigns.advance': w('活动进入下一阶段', 'Moved a campaign to its next stage'),
  'campaigns.close': w('结束活动', 'Closed a campaign'),
  'campaigns.extendDeadline': w('延长阶段截止日期', 'Extended a stage deadline'),
  'campaigns.grantCrossCheck': w('指派交叉检查', 'Assigned a cross-check'),
  'campaigns.revokeCrossCheck': w('撤销交叉检查指派', 'Revoked a cross-check'),
  'campaigns.addPilotMeetingFile': w('上传试点现场会材料', 'Uploaded a pilot meeting file'),
  'campaigns.recordPilotMeeting': w('记录试点现场会', 'Recorded the pilot meeting'),
  'campaigns.rollOut': w('全面推开', 'Rolled out'),
  'campaigns.setNotice': w('设置公示事项', 'Set the public notice particulars'),
  'participations.declare': w('申报', 'Declared'),
  'participations.save_sheet': w('保存评分表', 'Saved a score sheet'),
  'participations.add_evidence': w('上传佐证材料', 'Uploaded evidence'),
  'participations.remove_evidence': w('删除佐证材料', 'Removed evidence'),
  'participations.submit_self_assessment': w('提交自评', 'Submitted the self-assessment'),
  'participations.approve': w('乡镇初审通过', 'Township approved'),
  'participations.return': w('退回', 'Returned'),
  'participations.accept': w('县级验收通过', 'County accepted'),
  'participations.fail': w('县级验收不通过', 'County failed'),
  'participations.post': w('公示', 'Posted publicly'),
  'participations.object': w('登记异议', 'Recorded an objection'),
  'participations.resolve_objection': w('处理异议', 'Resolved an objection'),
  'participations.name': w('命名', 'Named'),
  'participations.recommend': w('向上推荐', 'Recommended upward'),
  'participations.record_decision': w('登记上级命名结果', 'Recorded the higher decision'),
  'participations.set_outcome': w('评定年度结果', 'Set the annual outcome'),
  'participations.withdraw': w('退出创建', 'Left the campaign'),
  'titles.recheck': w('称号复核', 'Re-checked titles'),
  'titles.create_revocation_reason': w('新增撤销理由', 'Added a revocation reason'),
  'titles.update_revocation_reason': w('修改撤销理由', 'Changed a revocation reason'),
  'titles.record_decision': w('登记上级命名', 'Recorded a higher naming'),
  'titles.add_check': w('登记日常检查', 'Recorded a check'),
  'titles.add_complaint': w('登记投诉', 'Recorded a complaint'),
  'titles.answer_complaint': w('答复投诉', 'Answered a complaint'),
  'titles.issue_rectification': w('下发整改通知', 'Issued a rectification notice'),
  'titles.report_rectification': w('报告整改完成', 'Reported a rectification done'),
  'titles.complete_rectification': w('确认整改完成', 'Confirmed a rectification'),
  'titles.open_recheck_batch': w('开立复核批次', 'Opened a re-check batch'),
  'titles.decide_recheck': w('作出复核结论', 'Decided a re-check'),
  'frameworks.import': w('导入指标体系', 'Imported a framework'),
  'tasks.create': w('督办任务交办', 'Assigned a task'),
  'tasks.update': w('修改督办任务', 'Changed a task'),
  'tasks.report': w('报送任务进展', 'Reported progress'),
  'tasks.requestClose': w('申请办结', 'Asked to close a task'),
  'tasks.close': w('任务办结评价', 'Closed a task'),
  'tasks.return': w('任务退回重办', 'Returned a task'),
  'tasks.requestExtension': w('申请延期', 'Asked for more time'),
  'tasks.decideExtension': w('审批延期', 'Decided on more time'),
  'tasks.addReportFile': w('上传任务进展附件', 'Uploaded a progress report file'),
  'tasks.removeReportFile': w('删除任务进展附件', 'Deleted a progress report file'),
  'comments.create': w('登记群众意见', 'Recorded a comment'),
  'comments.update': w('修改群众意见', 'Changed a comment'),
  'comments.reply': w('答复群众意见', 'Answered a comment'),
  'comments.submitPublic': w('群众网上提交意见', 'Comment sent online'),
  'projects.create': w('登记民生实事项目', 'Recorded a project'),
  'projects.update': w('修改民生实事项目', 'Changed a project'),
  'projects.vote': w('记录项目票决', 'Recorded a project vote'),
  'budget.create': w('登记参与式预算项目', 'Recorded a key project'),
  'budget.update': w('修改参与式预算项目', 'Changed a key project'),
  'budget.addRequest': w('记录项目的群众诉求', 'Recorded a request behind a key project'),
  'budget.addMeeting': w('记录村民代表方案议事会', "Recorded a representatives' design meeting"),
  'budget.agreePlan': w('记录议定的建设方案', 'Recorded the agreed plan'),
  'budget.recordTender': w('记录代表见证的招标', 'Recorded the tender'),
  'budget.addInspection': w('记录代表监督检查', 'Recorded an inspection'),
  'budget.recordAppraisal': w('记录群众民主评议', "Recorded the residents' appraisal"),
  'budget.markRectified': w('记录整改完成', 'Recorded a rectification done'),
  'budget.updateRecord': w('修改参与式预算阶段记录', 'Changed a key project record'),
  'budget.removeRecord': w('删除参与式预算阶段记录', 'Deleted a key project record'),
  'budget.addRecordFile': w('上传参与式预算记录附件', 'Uploaded a key project record file'),
  'budget.removeRecordFile': w('删除参与式预算记录附件', 'Deleted a key project record file'),
  'groups.create': w('新增村民小组', 'Added a villager group'),
  'groups.update': w('修改村民小组', 'Changed a villager group'),
  'groups.import': w('导入村民小组', 'Imported villager groups'),
  'meetings.create': w('记录会议', 'Recorded a meeting'),
  'meetings.update': w('更正会议记录', 'Corrected a meeting'),
  'meetings.remove': w('删除会议记录', 'Deleted a meeting'),
  'disclosures.create': w('登记公开', 'Recorded a posting'),
  'disclosures.update': w('修改公开记录', 'Changed a posting'),
  'disclosures.remove': w('删除公开记录', 'Deleted a posting'),
  'matters.create': w('登记四议两公开事项', 'Recorded a major matter'),
  'matters.update': w('修改四议两公开事项', 'Changed a major matter'),
  'matters.remove': w('删除四议两公开事项', 'Deleted a major matter'),
  'villageRules.create': w('登记村规民约', 'Recorded village rules'),
  'villageRules.update': w('修改村规民约', 'Changed village rules'),
  'villageRules.review': w('审查村规民约', 'Reviewed village rules'),
  'elections.create': w('登记村委会选举', 'Recorded an election'),
  'elections.update': w('修改选举记录', 'Changed an election'),
  'elections.remove': w('删除选举记录', 'Deleted an election record'),
  'records.importLedger': w('导入村务台账', 'Imported a village ledger'),
  'records.add_file': w('上传附件', 'Uploaded a file'),
  'records.remove_file': w('删除附件', 'Deleted a file'),
  'mediation.create': w('登记调解案件', 'Recorded a mediation case'),
  'mediation.update': w('修改调解案件', 'Changed a mediation case'),
  'mediation.remove': w('删除调解案件', 'Deleted a mediation case'),
  'mediation.addFile': w('上传调解案件附件', 'Uploaded a file of a mediation case'),
  'mediation.removeFile': w('删除调解案件附件', 'Deleted a file of a mediation case'),
  'mediation.import': w('导入人民调解台账', 'Imported the mediation register'),
  'screenings.create': w('登记矛盾排查', 'Recorded a dispute screening'),
  'screenings.update': w('修改矛盾排查', 'Changed a dispute screening'),
  'periods.lock': w('锁定月度台账', 'Locked a month'),
  'periods.reopen': w('重新开放月度台账', 'Reopened a month'),
  'pufa.createActivity': w('登记普法活动', 'Recorded a 普法 activity'),
  'pufa.updateActivity': w('修改普法活动', 'Changed a 普法 activity'),
  'pufa.removeActivity': w('删除普法活动', 'Deleted a 普法 activity'),
  'pufa.createRosterMember': w('登记普法名册人员', 'Added a roster member'),
  'pufa.updateRosterMember': w('修改普法名册人员', 'Changed a roster member'),
  'pufa.removeRosterMember': w('删除普法名册人员', 'Removed a roster member'),
  'pufa.createPlanItem': w('登记普法计划事项', 'Recorded a 普法 plan item'),
  'pufa.updatePlanItem': w('修改普法计划事项', 'Changed a 普法 plan item'),
  'pufa.removePlanItem': w('删除普法计划事项', 'Deleted a 普法 plan item'),
  'pufa.addActivityPhoto': w('上传普法活动照片', 'Uploaded a 普法 activity photo'),
  'pufa.removeActivityPhoto': w('删除普法活动照片', 'Deleted a 普法 activity photo'),
  'pufa.importActivities': w('导入普法活动', 'Imported 普法 activities'),
  'pufa.importRoster': w('导入普法名册', 'Imported a 普法 roster'),
  'advisers.create': w('登记法律顾问', 'Recorded a legal adviser'),
  'advisers.update': w('修改法律顾问', 'Changed a legal adviser'),
  'advisers.createContract': w('登记法律顾问聘用', 'Recorded an adviser contract'),
  'advisers.updateContract': w('修改法律顾问聘用', 'Changed an adviser contract'),
  'advisers.removeContract': w('删除法律顾问聘用', 'Deleted an adviser contract'),
  'advisers.createDuty': w('登记法律顾问值班', 'Recorded an adviser duty day'),
  'advisers.updateDuty': w('修改法律顾问值班', 'Changed an adviser duty day'),
  'advisers.createService': w('登记法律顾问服务', 'Recorded adviser services'),
  'advisers.updateService': w('修改法律顾问服务', 'Changed adviser services'),
  'advisers.removeDuty': w('删除法律顾问值班', 'Deleted an adviser duty day'),
  'advisers.removeService': w('删除法律顾问服务', 'Deleted adviser services'),
  'advisers.importDutyDays': w('导入法律顾问值班', 'Imported adviser duty days'),
  'advisers.importServices': w('导入法律顾问服务', 'Imported adviser services'),
  'corrections.create': w('报送社区矫正月报', 'Reported monthly correction figures'),
  'corrections.update': w('修改社区矫正月报', 'Changed monthly correction figures'),
};

/** The kinds of object an event concerns. */
export const auditEntityNames: Readonly<Record<string, LocalizedText>> = {
  adviser_contract: w('法律顾问聘用', 'adviser contract'),
  adviser_duty_day: w('法律顾问值班', 'adviser duty day'),
  adviser_service: w('法律顾问服务', 'adviser services'),
  campaign: w('创建活动', 'campaign'),
  correction_figures: w('社区矫正月报', 'monthly correction figures'),
  county_unit: w('县直单位', 'county unit'),
  deployment: w('系统', 'deployment'),
  disclosure: w('公开记录', 'posting'),
  dispute_screening: w('矛盾排查', 'dispute screening'),
  division: w('行政区划', 'division'),
  evidence: w('佐证材料', 'evidence'),
  framework: w('指标体系', 'framework'),
  legal_adviser: w('法律顾问', 'legal adviser'),
  mediation_case: w('调解案件', 'mediation case'),
  mediation_case_file: w('调解案件附件', 'mediation case file'),
  mediation_import: w('人民调解台账导入', 'mediation register import'),
  meeting: w('会议记录', 'meeting'),
  participation: w('申报村', 'participation'),
  public_comment: w('群众意见', 'public comment'),
  pufa_activity: w('普法活动', '普法 activity'),
  pufa_activity_photo: w('普法活动照片', '普法 activity photo'),
  pufa_import: w('普法台账导入', '普法 register import'),
  adviser_import: w('法律顾问台账导入', 'adviser register import'),
  pufa_plan_item: w('普法计划事项', '普法 plan item'),
  pufa_roster_member: w('普法名册人员', 'roster member'),
  record_file: w('附件', 'file'),
  register_period: w('月度台账', 'register month'),
  revocation_reason: w('撤销理由', 'revocation reason'),
  session: w('登录会话', 'session'),
  supervision_task: w('督办任务', 'task'),
  title: w('称号', 'title'),
  title_recheck_batch: w('复核批次', 're-check batch'),
  user: w('用户', 'user'),
  village_election: w('村委会选举', 'election'),
  village_group: w('村民小组', 'villager group'),
  village_ledger: w('村务台账', 'village ledger'),
  village_matter: w('四议两公开事项', 'major matter'),
  village_rules: w('村规民约', 'village rules'),
  villager_project: w('民生实事项目', 'villager project'),
  key_project: w('参与式预算项目', 'key project'),
  key_project_record: w('参与式预算记录', 'key project record'),
  key_project_record_file: w('参与式预算记录附件', 'key project record file'),
  task_report_file: w('任务进展附件', 'progress report file'),
};

/** An action or object kind in words; one not in the lists reads as 其他操作 / 其他对象. */
export function auditActionName(action: string): LocalizedText {
  return auditActionNames[action] ?? w('其他操作', 'other action');
}
export function auditEntityName(entity: string): LocalizedText {
  return auditEntityNames[entity] ?? w('其他对象', 'other object');
}

type Names = Readonly<Record<string, LocalizedText>>;

const checkResultNames: Names = {
  satisfactory: w('良好', 'satisfactory'),
  issues_found: w('发现问题', 'issues found'),
};
const complaintChannelNames: Names = {
  visit: w('来访', 'visit'),
  phone: w('电话', 'phone'),
  letter: w('来信', 'letter'),
  online: w('网上', 'online'),
  hotline_12345: w('12345热线', '12345 hotline'),
  other: w('其他', 'other'),
};
const commentChannelNames: Names = {
  public_page: w('网上提交', 'public page'),
  phone: w('电话', 'phone'),
  office: w('来访', 'at the office'),
};
const disclosureChannelNames: Names = {
  board: w('公开栏', 'notice board'),
  screen: w('电子屏', 'screen'),
  online: w('网上', 'online'),
};
const disclosureCategoryNames: Names = {
  party: w('党务公开', 'Party affairs'),
  general: w('村务公开', 'village affairs'),
  finance: w('财务公开', 'finances'),
  major: w('重大事项公开', 'major matter'),
};
const lightNames: Names = {
  green: w('绿灯', 'green'),
  yellow: w('黄灯', 'yellow'),
  red: w('红灯', 'red'),
};
const rulesKindNames: Names = {
  self_governance_charter: w('村民自治章程', 'self-governance charter'),
  village_compact: w('村规民约', 'village compact'),
  group_rules: w('村民小组议事规则', 'group rules of procedure'),
};
const reviewStateNames: Names = {
  pending: w('待审查', 'not reviewed'),
  approved: w('审查通过', 'approved'),
  returned: w('退回', 'returned'),
};
const electionKindNames: Names = {
  committee: w('村民委员会选举', 'committee election'),
  representatives: w('村民代表推选', 'representatives'),
  recall: w('罢免', 'recall'),
  by_election: w('补选', 'by-election'),
};
const recordFilePurposeNames: Names = {
  minutes: w('会议记录', 'minutes'),
  photo: w('照片', 'photo'),
  text: w('文本', 'text'),
};
const recordKindNames: Names = {
  meeting: w('会议记录', 'meeting'),
  disclosure: w('公开记录', 'posting'),
  rules: w('村规民约', 'village rules'),
};
const unitKindNames: Names = {
  department: w('县直部门', 'department'),
  unit: w('县直单位', 'unit'),
};
const projectSourceNames: Names = {
  village: w('村', 'village'),
  community: w('社区', 'community'),
  firm: w('企业', 'firm'),
  deputy: w('人大代表', 'deputy'),
};
const columnNames: Names = {
  self: w('自评', 'self-assessment'),
  township: w('乡镇初审', 'township review'),
  county: w('县级验收', 'county acceptance'),
};
const gradeNames: Names = {
  excellent: w('优秀', 'excellent'),
  good: w('良好', 'good'),
  pass: w('合格', 'pass'),
  fail: w('不合格', 'fail'),
};
/** Codes named through a domain function, looked up one at a time. */
function named(
  name: (code: never) => LocalizedText | undefined,
): (code: string) => LocalizedText | undefined {
  return (code) => {
    try {
      const found = name(code as never);
      return found && found.zh ? found : undefined;
    } catch {
      return undefined;
    }
  };
}

type Namer = (code: string) => LocalizedText | undefined;
const table =
  (names: Names): Namer =>
  (code) =>
    Object.hasOwn(names, code) ? names[code] : undefined;

/** Names kept in the database rather than in the code (revocation reasons, by code). */
export interface AuditLookups {
  revocationReasons?: ReadonlyMap<string, LocalizedText>;
}

/** The names of a field's values, by the field (and, where one word means two lists, the object). */
function namerFor(entity: string, field: string, lookups: AuditLookups): Namer | undefined {
  switch (field) {
    case 'reasons':
    case 'recheckReasons':
      return entity === 'title' ? (code) => lookups.revocationReasons?.get(code) : undefined;
    case 'stage':
      return entity === 'villager_project' ? table(projectStageNames) : named(campaignStageName);
    case 'state':
      return entity === 'supervision_task' ? table(taskStateNames) : named(participationStateName);
    case 'level':
      return named(titleLevelName);
    case 'mode':
      return named(campaignModeName);
    case 'subjectLevel':
      return named(subjectLevelName);
    case 'outcome':
      if (entity === 'mediation_case') return table(mediationLabels.outcome);
      if (entity === 'title') return named(recheckOutcomeName);
      return named(annualOutcomeName);
    case 'recheckOutcome':
      return named(recheckOutcomeName);
    case 'type':
      if (entity === 'mediation_case') return table(mediationLabels.type);
      if (entity === 'pufa_activity') return table(pufaLabels.type);
      return undefined;
    case 'activityType':
      return table(pufaLabels.type);
    case 'examResult':
      return table(pufaLabels.examResult);
    case 'purpose':
      return table(recordFilePurposeNames);
    case 'recordKind':
      return table(recordKindNames);
    case 'method':
      return table(mediationLabels.method);
    case 'escalation':
      return table(mediationLabels.escalation);
    case 'body':
      return named(meetingBodyName);
    case 'law':
      return table(lawNames);
    case 'step':
    case 'nextSteps':
      return named(deliberationStepName);
    case 'status':
      return entity === 'supervision_task' ? table(taskStateNames) : named(titleStatusName);
    case 'role':
      return entity === 'pufa_roster_member' ? table(pufaLabels.role) : named(roleName);
    case 'result':
      return table(checkResultNames);
    case 'channel':
      if (entity === 'disclosure') return table(disclosureChannelNames);
      if (entity === 'public_comment') return table(commentChannelNames);
      return table(complaintChannelNames);
    case 'category':
      return entity === 'disclosure' ? table(disclosureCategoryNames) : undefined;
    case 'light':
      return table(lightNames);
    case 'rating':
      return table(taskRatingNames);
    case 'source':
      return entity === 'supervision_task' ? table(taskSourceNames) : undefined;
    case 'sourceKind':
      return table(projectSourceNames);
    case 'kind':
      if (entity === 'village_rules') return table(rulesKindNames);
      if (entity === 'village_election') return table(electionKindNames);
      if (entity === 'county_unit') return table(unitKindNames);
      if (entity === 'adviser_service') return table(adviserServiceLabels);
      if (entity === 'key_project_record' || entity === 'key_project_record_file') {
        return table(budgetRecordKindNames);
      }
      return undefined;
    case 'reviewState':
      return table(reviewStateNames);
    case 'column':
      return table(columnNames);
    case 'grade':
      return table(gradeNames);
    default:
      return undefined;
  }
}

/** Fields the log keeps for the record but a reader has no use for: ids, versions, hashes, checks. */
const hiddenFields = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'createdBy',
  'lockedBy',
  'sha256',
  'seed',
  'check',
  'warnings',
  'problemCount',
  'ruleVersion',
  'countyCode',
  'ownerCountyCode',
  'code',
  'type',
  'filter',
  'candidates',
  'sample',
  'disclosures',
  'meetings',
  'groups',
  'passwordHash',
  'vetoes',
]);

/** Extra words for the log's own fields (what it records beyond the inputs). */
const auditFieldWords: Readonly<Record<string, LocalizedText>> = {
  assignerName: w('交办单位', 'assigned by'),
  average: w('平均分', 'average'),
  bulk: w('批量办理', 'done in bulk'),
  byGrade: w('各等次数量', 'by grade'),
  closedAt: w('结束时间', 'closed at'),
  closedLate: w('逾期办结', 'closed late'),
  complainantNamed: w('投诉人具名', 'complainant named'),
  complete: w('程序完整', 'complete'),
  completionNote: w('整改确认意见', 'completion note'),
  correctedAfterSubmission: w('提交后更正', 'corrected after submission'),
  countyTotal: w('县级验收得分', 'county score'),
  daysTaken: w('办理天数', 'days taken'),
  decision: w('命名决定', 'decision'),
  divisionName: w('所在区划', 'division'),
  divisions: w('区划条数', 'divisions'),
  users: w('账号', 'accounts'),
  escalated: w('已升级督办', 'escalated'),
  extensionPending: w('延期待批', 'extension pending'),
  extensionReason: w('延期理由', 'extension reason'),
  extensionTo: w('延期至', 'extended to'),
  inserted: w('新增条数', 'added'),
  itemCode: w('评分项', 'item'),
  locked: w('已锁定', 'locked'),
  lockedAt: w('锁定时间', 'locked at'),
  named: w('命名数', 'named'),
  nextSteps: w('待办程序', 'next steps'),
  openedOn: w('开立日期', 'opened on'),
  outcomeNote: w('结果说明', 'outcome note'),
  ownerName: w('承办单位', 'owner'),
  passed: w('是否通过', 'passed'),
  passwordChanged: w('已重设密码', 'password reset'),
  quorumMet: w('是否达到法定人数', 'quorum met'),
  ratingNote: w('评价意见', 'rating note'),
  recheckNote: w('复核说明', 're-check note'),
  recheckOutcome: w('复核结果', 're-check outcome'),
  recheckReasons: w('撤销理由', 'revocation reasons'),
  recheckedOn: w('复核日期', 're-checked on'),
  redDays: w('红灯天数', 'days red'),
  registerEligible: w('名册应到人数', 'entitled by the register'),
  reopenReason: w('重新开放理由', 'reason for reopening'),
  reportNote: w('整改报告', 'report'),
  reportedOn: w('报告日期', 'reported on'),
  returned: w('退回数', 'returned'),
  reviewFindings: w('审查意见', 'review findings'),
  reviewState: w('审查状态', 'review state'),
  reviewer: w('审查人', 'reviewer'),
  rolledOutAt: w('全面推开时间', 'rolled out at'),
  screen: w('内容筛查', 'content screening'),
  selfTotal: w('自评得分', 'self-assessment score'),
  size: w('文件大小（字节）', 'size (bytes)'),
  startedOn: w('开始日期', 'started on'),
  subjects: w('参评对象数', 'subjects'),
  total: w('合计', 'total'),
  townshipTotal: w('乡镇初审得分', 'township score'),
  townships: w('各乡镇', 'townships'),
  unchanged: w('未变条数', 'unchanged'),
  updated: w('更新条数', 'updated'),
  vote: w('票决', 'vote'),
  votesNeeded: w('所需票数', 'votes needed'),
  withdrawn: w('退出数', 'withdrawn'),
  townshipCode: w('乡镇（街道）', 'township'),
  people: w('人数', 'people'),
  rectifiedOn: w('整改完成日期', 'rectified on'),
};

/** One changed field: its name, the value before and after (null: none then). */
export interface AuditChange {
  field: LocalizedText;
  before: LocalizedText | null;
  after: LocalizedText | null;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const none = w('（无）', '(none)');

function isHidden(entity: string, key: string): boolean {
  // a kind named by a list of the object (调解案件的类型, 普法活动的类型) is shown; others are technical
  if (key === 'type' && namerFor(entity, key, {})) return false;
  return hiddenFields.has(key) || /Ids?$/.test(key) || key === 'username' || key === 'scopeCode';
}

function wordOf(key: string): LocalizedText | undefined {
  if (Object.hasOwn(auditFieldWords, key)) return auditFieldWords[key];
  if (Object.hasOwn(fieldWords, key)) return fieldWord(key);
  return undefined;
}

/** Beijing time, to the minute: 2026-03-01 09:30. */
function beijing(iso: string): string {
  const at = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return at.toISOString().slice(0, 16).replace('T', ' ');
}

/** A value in words, or undefined when it is only an id. */
function valueText(
  entity: string,
  key: string,
  value: unknown,
  lookups: AuditLookups,
): LocalizedText | undefined {
  if (value === null || value === undefined || value === '') return none;
  if (typeof value === 'boolean') return value ? w('是', 'yes') : w('否', 'no');
  if (typeof value === 'number') return w(String(value), String(value));
  if (value instanceof Date) return w(beijing(value.toISOString()), beijing(value.toISOString()));
  if (typeof value === 'string') {
    if (uuid.test(value)) return undefined;
    const name = namerFor(entity, key, lookups)?.(value);
    if (name) return name;
    if (dateTime.test(value) && !Number.isNaN(Date.parse(value))) {
      return w(beijing(value), beijing(value));
    }
    return w(value, value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return none;
    if (value.every((v) => typeof v !== 'object' || v === null)) {
      const parts = value
        .map((v) => valueText(entity, key, v, lookups))
        .filter((v): v is LocalizedText => v !== undefined);
      if (parts.length === 0) return w(`${value.length}项`, `${value.length} items`);
      return w(parts.map((p) => p.zh).join('、'), parts.map((p) => p.en).join(', '));
    }
    return w(`${value.length}条`, `${value.length} entries`);
  }
  if (typeof value === 'object') {
    const n = Object.keys(value).length;
    return w(`${n}项`, `${n} items`);
  }
  return undefined;
}

/** The keys of a map-like field (keys are codes, not fields) named, e.g. stage dates by stage. */
const mapFields: Readonly<Record<string, (key: string) => LocalizedText | undefined>> = {
  stageDates: named(campaignStageName),
  byGrade: table(gradeNames),
};

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

/**
 * What an event changed, field by field in words. A created thing lists its values (before
 * null), a deleted one its former values (after null); nested records are named by their path
 * (命名决定的文号). Ids, versions and technical fields are left out; `unnamed` counts fields
 * left out for want of a word (a test keeps it at zero for every recorded action).
 */
export function describeAuditChanges(
  event: { entity: string; before: unknown; after: unknown },
  lookups: AuditLookups = {},
): { changes: AuditChange[]; unnamed: string[] } {
  const changes: AuditChange[] = [];
  const unnamed: string[] = [];

  const walk = (
    path: LocalizedText | null,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
    depth: number,
  ) => {
    const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
    for (const key of keys) {
      if (isHidden(event.entity, key)) continue;
      const b = before ? before[key] : undefined;
      const a = after ? after[key] : undefined;
      if (before && after && sameValue(b, a)) continue;
      if (a === undefined && b === undefined) continue;
      // a flag the earlier record did not keep, and that is off now (已重设密码：否): nothing changed
      if (before && after && b === undefined && (a === false || a === null)) continue;
      const own = wordOf(key);
      if (!own) {
        unnamed.push(key);
        continue;
      }
      const field = path ? w(`${path.zh}的${own.zh}`, `${path.en}, ${own.en}`) : own;
      const mapNamer = mapFields[key];
      if (mapNamer && (isRecord(a) || isRecord(b))) {
        const inner = [
          ...new Set([...Object.keys(isRecord(b) ? b : {}), ...Object.keys(isRecord(a) ? a : {})]),
        ];
        for (const k of inner) {
          const bv = isRecord(b) ? b[k] : undefined;
          const av = isRecord(a) ? a[k] : undefined;
          if (before && after && sameValue(bv, av)) continue;
          const name = mapNamer(k);
          if (!name) {
            unnamed.push(`${key}.${k}`);
            continue;
          }
          changes.push({
            field: w(`${field.zh}（${name.zh}）`, `${field.en} (${name.en})`),
            before: before ? (valueText(event.entity, key, bv, lookups) ?? none) : null,
            after: after ? (valueText(event.entity, key, av, lookups) ?? none) : null,
          });
        }
        continue;
      }
      if ((isRecord(a) || isRecord(b)) && depth < 2 && key !== 'items') {
        walk(
          field,
          before ? (isRecord(b) ? b : {}) : null,
          after ? (isRecord(a) ? a : {}) : null,
          depth + 1,
        );
        continue;
      }
      const bt = before ? valueText(event.entity, key, b, lookups) : null;
      const at = after ? valueText(event.entity, key, a, lookups) : null;
      // only an id: nothing a reader can use
      if (bt === undefined || at === undefined) continue;
      changes.push({ field, before: bt, after: at });
    }
  };

  walk(
    null,
    isRecord(event.before) ? event.before : null,
    isRecord(event.after) ? event.after : null,
    0,
  );
  return { changes, unnamed };
}
