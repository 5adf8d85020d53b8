import type { LocalizedText } from '../localized-text.js';

/**
 * The unit of a record metric: `count` (a whole number of records), `ratio` (a share from 0 to
 * 1), `boolean` (a yes/no fact) or `months` (a whole number of months).
 */
export type RecordMetricUnit = 'count' | 'ratio' | 'boolean' | 'months';

/** The metric units. */
export const recordMetricUnits: readonly RecordMetricUnit[] = [
  'count',
  'ratio',
  'boolean',
  'months',
];

/** The register (台账) a metric is computed from. */
export type RecordRegister =
  | 'meetings'
  | 'resolutions'
  | 'matters'
  | 'disclosures'
  | 'village_rules'
  | 'elections'
  | 'appraisals'
  | 'mediation'
  | 'dispute_screening'
  | 'legal_education'
  | 'legal_advisers'
  | 'supervision_tasks';

/**
 * The record metrics a framework item may name. Every metric is computed for one village and one
 * period (`from`–`to`, both days included) from the village's records.
 */
export type RecordMetricKey =
  // Meetings held in the period, by body (a group meeting counts for its village).
  | 'meetings.villagers'
  | 'meetings.representatives'
  | 'meetings.group'
  | 'meetings.partyMembers'
  | 'meetings.collectiveMembers'
  | 'meetings.jointCommittees'
  | 'meetings.total'
  | 'meetings.representativesQuartersLawful'
  | 'meetings.scheduleShortfall'
  // Resolutions of the meetings held in the period.
  | 'resolutions.checked'
  | 'resolutions.withProblems'
  // 四议两公开 matters.
  | 'fourDeliberations.complete'
  | 'fourDeliberations.incomplete'
  // 三务公开: scheduled postings due in the period, posted on time, overdue.
  | 'disclosures.party.due'
  | 'disclosures.party.onTime'
  | 'disclosures.party.overdue'
  | 'disclosures.general.due'
  | 'disclosures.general.onTime'
  | 'disclosures.general.overdue'
  | 'disclosures.finance.due'
  | 'disclosures.finance.onTime'
  | 'disclosures.finance.overdue'
  | 'disclosures.due'
  | 'disclosures.onTime'
  | 'disclosures.overdue'
  | 'disclosures.onTimeRatio'
  | 'disclosures.party.onTimeRatio'
  | 'disclosures.general.onTimeRatio'
  | 'disclosures.finance.onTimeRatio'
  | 'disclosures.finance.monthsPosted'
  // Village rules (自治章程, 村规民约) in force at the end of the period.
  | 'villageRules.charter.filed'
  | 'villageRules.charter.reviewed'
  | 'villageRules.charter.approved'
  | 'villageRules.compact.filed'
  | 'villageRules.compact.reviewed'
  | 'villageRules.compact.approved'
  | 'villageRules.withFindings'
  // Elections and recalls.
  | 'elections.withProblems'
  | 'recalls.withProblems'
  | 'appraisals.held'
  // People's mediation, dispute screening, 普法 and legal advisers.
  | 'mediation.received'
  | 'mediation.closed'
  | 'mediation.succeeded'
  | 'mediation.successRate'
  | 'disputeScreening.monthsReported'
  | 'disputeScreening.monthsMissing'
  | 'legalEducation.activities'
  | 'legalAdviser.underContract'
  // 督查督办: tasks the division owns, closed and rated by the assigning office in the period.
  | 'tasks.closed'
  | 'tasks.satisfied'
  | 'tasks.basicallySatisfied'
  | 'tasks.dissatisfied'
  | 'tasks.satisfactoryRatio';

/** What a record metric is: its labels, unit, register and meaning. */
export interface RecordMetricDefinition {
  readonly key: RecordMetricKey;
  readonly label: LocalizedText;
  readonly unit: RecordMetricUnit;
  /** The register the metric is computed from. */
  readonly register: RecordRegister;
  /** How it is computed, for the reviewer and the engineer who fills it. */
  readonly meaning: LocalizedText;
}

/**
 * A village's record metrics for one period: each value is a number (`count`, `ratio`, `months`)
 * or a boolean (`boolean`). A metric without a value is missing: the records cannot say (for
 * example a success rate with no case handled), which is not the same as zero.
 */
export interface RecordMetrics {
  /** The period the metrics cover, `YYYY-MM-DD`, both days included. */
  readonly period: { readonly from: string; readonly to: string };
  readonly values: Partial<Record<RecordMetricKey, number | boolean>>;
}

type Entry = readonly [
  key: RecordMetricKey,
  unit: RecordMetricUnit,
  register: RecordRegister,
  label: LocalizedText,
  meaning: LocalizedText,
];

const meeting = (key: RecordMetricKey, zh: string, en: string, body: string): Entry => [
  key,
  'count',
  'meetings',
  { zh: `召开${zh}次数`, en: `${en} held` },
  {
    zh: `期间内召开的${zh}次数（会议台账，会议类型为${body}）`,
    en: `The ${en.toLowerCase()} held in the period (meetings register, body ${body})`,
  },
];

const disclosureCategories = [
  ['party', '党务公开', 'Party-affairs'],
  ['general', '村务公开', 'village-affairs'],
  ['finance', '财务公开', 'finance'],
] as const;

const disclosureEntries: Entry[] = disclosureCategories.flatMap(([category, zh, en]): Entry[] => [
  [
    `disclosures.${category}.due`,
    'count',
    'disclosures',
    { zh: `${zh}应公开期数`, en: `${en} postings due` },
    {
      zh: `期间内到期的${zh}期数（按checkDisclosures的公开时限：季度、月度或县级设定的频次）`,
      en: `The ${en} postings that fell due in the period (the schedule of checkDisclosures)`,
    },
  ],
  [
    `disclosures.${category}.onTime`,
    'count',
    'disclosures',
    { zh: `${zh}按时公开期数`, en: `${en} postings on time` },
    {
      zh: `到期的${zh}期数中按时公开的期数`,
      en: `Of the ${en} postings due, those posted on time`,
    },
  ],
  [
    `disclosures.${category}.overdue`,
    'count',
    'disclosures',
    { zh: `${zh}逾期期数`, en: `${en} postings overdue` },
    {
      zh: `到期的${zh}期数中未按时公开的期数（checkDisclosures的DISCLOSURE_OVERDUE）`,
      en: `Of the ${en} postings due, those not posted on time (DISCLOSURE_OVERDUE)`,
    },
  ],
  [
    `disclosures.${category}.onTimeRatio`,
    'ratio',
    'disclosures',
    { zh: `${zh}按时公开率`, en: `Share of ${en} postings on time` },
    {
      zh: `${zh}按时公开期数 ÷ 应公开期数；没有到期的公开时无值（缺失）`,
      en: `${en} postings on time ÷ due; with none due it has no value (missing)`,
    },
  ],
]);

const rulesEntries: Entry[] = (
  [
    ['charter', '村民自治章程', 'self-governance charter'],
    ['compact', '村规民约', 'village compact'],
  ] as const
).flatMap(([kind, zh, en]): Entry[] => [
  [
    `villageRules.${kind}.filed`,
    'boolean',
    'village_rules',
    { zh: `${zh}已报乡镇备案`, en: `${en} filed with the township` },
    {
      zh: `期末施行的${zh}已报乡镇人民政府备案（组织法2018年第27条、2025年第31条）`,
      en: `The ${en} in force at the end of the period was filed with the township (organic law 2018 Art. 27 / 2025 Art. 31)`,
    },
  ],
  [
    `villageRules.${kind}.reviewed`,
    'boolean',
    'village_rules',
    { zh: `${zh}已经合法性审查`, en: `${en} legality-reviewed` },
    {
      zh: `期末施行的${zh}已由乡镇完成合法性审查（通过或退回均算已审查）`,
      en: `The township has completed the legality review of the ${en} in force at the end of the period (approved or returned)`,
    },
  ],
  [
    `villageRules.${kind}.approved`,
    'boolean',
    'village_rules',
    { zh: `${zh}审查通过`, en: `${en} approved on review` },
    {
      zh: `期末施行的${zh}经合法性审查通过`,
      en: `The ${en} in force at the end of the period passed the legality review`,
    },
  ],
]);

const taskRating = (key: RecordMetricKey, zh: string, en: string, rating: string): Entry => [
  key,
  'count',
  'supervision_tasks',
  { zh: `督办任务评价为${zh}数`, en: `Tasks rated ${en}` },
  {
    zh: `期间内办结的本单位承办督办任务中，交办单位评价为“${zh}”的件数（评价${rating}）`,
    en: `Tasks the division owns, closed in the period, that the assigning office rated ${en} (rating ${rating})`,
  },
];

const taskEntries: Entry[] = [
  [
    'tasks.closed',
    'count',
    'supervision_tasks',
    { zh: '办结督办任务数', en: 'Supervised tasks closed' },
    {
      zh: '期间内办结（已办结，含评价）的本单位承办督办任务数',
      en: 'Tasks the division owns that were closed (and rated) in the period',
    },
  ],
  taskRating('tasks.satisfied', '满意', 'satisfied', 'satisfied'),
  taskRating('tasks.basicallySatisfied', '基本满意', 'basically satisfied', 'basically_satisfied'),
  taskRating('tasks.dissatisfied', '不满意', 'dissatisfied', 'dissatisfied'),
  [
    'tasks.satisfactoryRatio',
    'ratio',
    'supervision_tasks',
    { zh: '督办任务满意率', en: 'Share of tasks rated satisfactory' },
    {
      zh: '（满意 + 基本满意）÷ 期间内办结的督办任务数；期间内没有办结任务时无值（缺失），不是0或100%',
      en: '(satisfied + basically satisfied) ÷ tasks closed in the period; with none closed it has no value (missing), not 0 or 100%',
    },
  ],
];

/**
 * A division's task-rating metrics from its counts of closed tasks by rating (the ratio is
 * missing with no task closed).
 *
 * @example
 * taskRatingMetrics({ satisfied: 3, basicallySatisfied: 1, dissatisfied: 0 })
 * // { 'tasks.closed': 4, …, 'tasks.satisfactoryRatio': 1 }
 */
export function taskRatingMetrics(counts: {
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
}): Partial<Record<RecordMetricKey, number>> {
  const closed = counts.satisfied + counts.basicallySatisfied + counts.dissatisfied;
  return {
    'tasks.closed': closed,
    'tasks.satisfied': counts.satisfied,
    'tasks.basicallySatisfied': counts.basicallySatisfied,
    'tasks.dissatisfied': counts.dissatisfied,
    ...(closed > 0
      ? { 'tasks.satisfactoryRatio': (counts.satisfied + counts.basicallySatisfied) / closed }
      : {}),
  };
}

const entries: readonly Entry[] = [
  meeting('meetings.villagers', '村民会议', 'Villagers’ meetings', 'villagers_meeting'),
  meeting(
    'meetings.representatives',
    '村民代表会议',
    'Representatives’ meetings',
    'representatives_meeting',
  ),
  meeting('meetings.group', '村民小组会议', 'Villager-group meetings', 'group_meeting'),
  meeting('meetings.partyMembers', '党员大会', 'Party members’ meetings', 'party_members_meeting'),
  meeting(
    'meetings.collectiveMembers',
    '集体经济组织成员大会',
    'Collective members’ meetings',
    'collective_members_meeting',
  ),
  meeting(
    'meetings.jointCommittees',
    '两委联席会议',
    'Joint meetings of the two committees',
    'joint_committees_meeting',
  ),
  [
    'meetings.total',
    'count',
    'meetings',
    { zh: '召开会议总次数', en: 'Meetings held' },
    {
      zh: '期间内召开的各类会议次数之和',
      en: 'All meetings of every body held in the period',
    },
  ],
  [
    'meetings.representativesQuartersLawful',
    'count',
    'meetings',
    { zh: '依法召开村民代表会议的季度数', en: 'Quarters with a lawful representatives’ meeting' },
    {
      zh: '期间内有村民代表会议召开、到会达三分之二以上且决议经checkResolution检查无错误的季度数（组织法2018年第26条、2025年第30条）',
      en: 'Quarters of the period with a representatives’ meeting that reached its two-thirds quorum and whose resolutions checkResolution found without error (organic law 2018 Art. 26 / 2025 Art. 30)',
    },
  ],
  [
    'meetings.scheduleShortfall',
    'count',
    'meetings',
    { zh: '应开未开的会议次数', en: 'Required meetings not held' },
    {
      zh: '期间内没有召开村民会议的年度数（每年至少一次）加上没有召开村民代表会议的季度数（每季度至少一次），只计完全落在期间内的年度和季度',
      en: 'Years of the period without a villagers’ meeting (at least one a year) plus quarters without a representatives’ meeting (at least one a quarter), counting only years and quarters wholly within the period',
    },
  ],
  [
    'resolutions.checked',
    'count',
    'resolutions',
    { zh: '经合法性检查的决议数', en: 'Resolutions checked' },
    {
      zh: '期间内会议的决议中经checkResolution检查的决议数',
      en: 'The resolutions of the period’s meetings checked by checkResolution',
    },
  ],
  [
    'resolutions.withProblems',
    'count',
    'resolutions',
    { zh: '存在法律问题的决议数', en: 'Resolutions with legal problems' },
    {
      zh: '期间内会议的决议中checkResolution报告错误（error）的决议数',
      en: 'The resolutions of the period’s meetings for which checkResolution reported an error',
    },
  ],
  [
    'fourDeliberations.complete',
    'count',
    'matters',
    { zh: '“四议两公开”完整办结事项数', en: 'Four-deliberations matters complete' },
    {
      zh: '期间内决议的重大事项中六个步骤齐全、顺序正确、无错误的事项数（checkFourDeliberations的complete）',
      en: 'Major matters resolved in the period with all six steps, in order and without errors (complete in checkFourDeliberations)',
    },
  ],
  [
    'fourDeliberations.incomplete',
    'count',
    'matters',
    { zh: '“四议两公开”程序不完整事项数', en: 'Four-deliberations matters incomplete' },
    {
      zh: '期间内办理的重大事项中有缺失、顺序错误或未通过步骤的事项数',
      en: 'Major matters handled in the period with a missing, out-of-order or failed step',
    },
  ],
  ...disclosureEntries,
  [
    'disclosures.due',
    'count',
    'disclosures',
    { zh: '应公开期数（合计）', en: 'Postings due (all)' },
    {
      zh: '党务、村务、财务应公开期数之和',
      en: 'Party-affairs, village-affairs and finance postings due, together',
    },
  ],
  [
    'disclosures.onTime',
    'count',
    'disclosures',
    { zh: '按时公开期数（合计）', en: 'Postings on time (all)' },
    {
      zh: '党务、村务、财务按时公开期数之和',
      en: 'Party-affairs, village-affairs and finance postings on time, together',
    },
  ],
  [
    'disclosures.overdue',
    'count',
    'disclosures',
    { zh: '逾期公开期数（合计）', en: 'Postings overdue (all)' },
    {
      zh: '党务、村务、财务逾期期数之和',
      en: 'Party-affairs, village-affairs and finance postings overdue, together',
    },
  ],
  [
    'disclosures.onTimeRatio',
    'ratio',
    'disclosures',
    { zh: '三务按时公开率', en: 'Share of postings on time' },
    {
      zh: '按时公开期数 ÷ 应公开期数；没有到期的公开时无值（缺失），不是0或100%',
      en: 'Postings on time ÷ postings due; with none due it has no value (missing), not 0 or 100%',
    },
  ],
  [
    'disclosures.finance.monthsPosted',
    'months',
    'disclosures',
    { zh: '财务公开月数', en: 'Months with a finance posting' },
    {
      zh: '期间内有财务公开（收支公开）的月数',
      en: 'Months of the period in which the village posted its finances',
    },
  ],
  ...rulesEntries,
  [
    'villageRules.withFindings',
    'count',
    'village_rules',
    { zh: '内容筛查有提示的村规数', en: 'Village rules with screening findings' },
    {
      zh: '期末施行的自治章程、村规民约、村民小组议事规则中screenVillageRules有提示的件数',
      en: 'The charters, compacts and group rules in force at the end of the period for which screenVillageRules found a clause',
    },
  ],
  [
    'elections.withProblems',
    'count',
    'elections',
    { zh: '存在问题的选举数', en: 'Elections with problems' },
    {
      zh: '期间内的选举（含另行选举）中checkElection报告错误的次数',
      en: 'Elections in the period (run-offs included) for which checkElection reported an error',
    },
  ],
  [
    'recalls.withProblems',
    'count',
    'elections',
    { zh: '存在问题的罢免数', en: 'Recalls with problems' },
    {
      zh: '期间内的罢免中checkRecall报告错误的次数',
      en: 'Recalls in the period for which checkRecall reported an error',
    },
  ],
  [
    'appraisals.held',
    'count',
    'appraisals',
    { zh: '开展民主评议次数', en: 'Democratic appraisals held' },
    {
      zh: '期间内村民会议或村民代表会议对村委会成员开展民主评议的次数（组织法2018年第33条、2025年第38条）',
      en: 'Democratic appraisals of the committee members by the villagers’ or representatives’ meeting in the period (organic law 2018 Art. 33 / 2025 Art. 38)',
    },
  ],
  [
    'mediation.received',
    'count',
    'mediation',
    { zh: '受理调解案件数', en: 'Mediation cases received' },
    {
      zh: '期间内人民调解委员会受理的案件数',
      en: 'Cases the people’s mediation committee accepted in the period',
    },
  ],
  [
    'mediation.closed',
    'count',
    'mediation',
    { zh: '调处案件数', en: 'Mediation cases handled' },
    {
      zh: '受理案件中期间内调处终结（成功、不成功或终止）的案件数',
      en: 'Received cases that reached an outcome (succeeded, failed or ended) in the period',
    },
  ],
  [
    'mediation.succeeded',
    'count',
    'mediation',
    { zh: '调解成功案件数', en: 'Mediation cases succeeded' },
    {
      zh: '期间内调解成功的案件数',
      en: 'Cases mediated successfully in the period',
    },
  ],
  [
    'mediation.successRate',
    'ratio',
    'mediation',
    { zh: '调解成功率', en: 'Mediation success rate' },
    {
      zh: '调解成功件数 ÷ 调处件数；没有调处案件时无值（缺失），不是0或100%',
      en: 'Cases succeeded ÷ cases handled; with none handled it has no value (missing), not 0 or 100%',
    },
  ],
  [
    'disputeScreening.monthsReported',
    'months',
    'dispute_screening',
    { zh: '矛盾纠纷排查报告月数', en: 'Dispute-screening months reported' },
    {
      zh: '期间内按月报送矛盾纠纷排查（含零报告）的月数',
      en: 'Months of the period with a dispute-screening report (zero reports included)',
    },
  ],
  [
    'disputeScreening.monthsMissing',
    'months',
    'dispute_screening',
    { zh: '矛盾纠纷排查缺报月数', en: 'Dispute-screening months missing' },
    {
      zh: '期间内应报而未报矛盾纠纷排查（零报告也算已报）的月数',
      en: 'Months of the period without a dispute-screening report (a zero report counts as a report)',
    },
  ],
  [
    'legalEducation.activities',
    'count',
    'legal_education',
    { zh: '开展普法活动次数', en: 'Legal-education activities held' },
    {
      zh: '期间内村里开展的普法宣传活动次数',
      en: 'Legal-education (普法) activities the village held in the period',
    },
  ],
  [
    'legalAdviser.underContract',
    'boolean',
    'legal_advisers',
    { zh: '已聘请村法律顾问', en: 'Village legal adviser under contract' },
    {
      zh: '期末村里有在聘期内的法律顾问（一村一法律顾问）',
      en: 'At the end of the period the village has a legal adviser under contract',
    },
  ],
  ...taskEntries,
];

/**
 * The catalogue of record metrics, by key: label, unit, register and meaning. Frozen.
 *
 * @example
 * recordMetrics['disclosures.onTimeRatio'].unit // 'ratio'
 * recordMetrics['meetings.villagers'].label.zh // '召开村民会议次数'
 */
export const recordMetrics: Readonly<Record<RecordMetricKey, RecordMetricDefinition>> =
  Object.freeze(
    Object.fromEntries(
      entries.map(([key, unit, register, label, meaning]) => [
        key,
        Object.freeze({
          key,
          label: Object.freeze(label),
          unit,
          register,
          meaning: Object.freeze(meaning),
        }),
      ]),
    ) as Record<RecordMetricKey, RecordMetricDefinition>,
  );

/** Every record metric key, in catalogue order. */
export const recordMetricKeys: readonly RecordMetricKey[] = Object.freeze(
  entries.map(([key]) => key),
);

/**
 * True when `key` names a record metric.
 *
 * @example
 * isRecordMetricKey('mediation.successRate') // true
 * isRecordMetricKey('mediation.rate') // false
 */
export function isRecordMetricKey(key: unknown): key is RecordMetricKey {
  return typeof key === 'string' && Object.hasOwn(recordMetrics, key);
}
