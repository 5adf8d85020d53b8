import type { LocalizedText } from '../localized-text.js';

/**
 * 参与式预算: the five stages a township follows for a key project, each with its record —
 * the project comes from the people (the requests behind it), the design is worked out with
 * villagers' representatives (their meetings and the agreed plan), the tender is attended by
 * representatives, construction is supervised by representatives alongside the supervising
 * engineer (inspections), and residents appraise the finished project (民主评议).
 */
export type BudgetStage = 'origin' | 'design' | 'tender' | 'construction' | 'appraisal';

export const budgetStages: readonly BudgetStage[] = [
  'origin',
  'design',
  'tender',
  'construction',
  'appraisal',
];

export const budgetStageNames: Readonly<Record<BudgetStage, LocalizedText>> = Object.freeze({
  origin: { zh: '项目来自群众', en: 'From the people' },
  design: { zh: '代表共商方案', en: 'Design with representatives' },
  tender: { zh: '代表见证招标', en: 'Tender attended' },
  construction: { zh: '代表监督施工', en: 'Construction supervised' },
  appraisal: { zh: '群众民主评议', en: 'Residents appraise' },
});

/** The records kept at each stage. */
export type BudgetRecordKind =
  | 'request'
  | 'meeting'
  | 'plan'
  | 'tender'
  | 'inspection'
  | 'appraisal';

export const budgetRecordKinds: readonly BudgetRecordKind[] = [
  'request',
  'meeting',
  'plan',
  'tender',
  'inspection',
  'appraisal',
];

export const budgetRecordKindNames: Readonly<Record<BudgetRecordKind, LocalizedText>> =
  Object.freeze({
    request: { zh: '群众诉求', en: 'Request' },
    meeting: { zh: '方案议事会', en: 'Design meeting' },
    plan: { zh: '议定方案', en: 'Agreed plan' },
    tender: { zh: '招标', en: 'Tender' },
    inspection: { zh: '监督检查', en: 'Inspection' },
    appraisal: { zh: '民主评议', en: 'Appraisal' },
  });

export const budgetStageOfKind: Readonly<Record<BudgetRecordKind, BudgetStage>> = Object.freeze({
  request: 'origin',
  meeting: 'design',
  plan: 'design',
  tender: 'tender',
  inspection: 'construction',
  appraisal: 'appraisal',
});

/**
 * How many villagers' representatives the township works the design out with ("about twenty"):
 * a guide shown beside the count, not a rule a meeting must meet.
 */
export const designRepresentativesGuide = 20;

/** How many records of each kind a project holds, and the latest date of each. */
export type BudgetRecordTally = Readonly<
  Record<BudgetRecordKind, { count: number; latest: string | null }>
>;

/** An empty tally: a key project just entered. */
export function emptyBudgetTally(): Record<
  BudgetRecordKind,
  { count: number; latest: string | null }
> {
  return {
    request: { count: 0, latest: null },
    meeting: { count: 0, latest: null },
    plan: { count: 0, latest: null },
    tender: { count: 0, latest: null },
    inspection: { count: 0, latest: null },
    appraisal: { count: 0, latest: null },
  };
}

/**
 * Which stages have their record: the requests behind the project; at least one design meeting
 * and the agreed plan; the tender; at least one inspection; the appraisal.
 */
export function budgetStagesDone(tally: BudgetRecordTally): Record<BudgetStage, boolean> {
  return {
    origin: tally.request.count > 0,
    design: tally.meeting.count > 0 && tally.plan.count > 0,
    tender: tally.tender.count > 0,
    construction: tally.inspection.count > 0,
    appraisal: tally.appraisal.count > 0,
  };
}

/** The first stage without its record, or `complete` when all five have theirs. */
export function currentBudgetStage(tally: BudgetRecordTally): BudgetStage | 'complete' {
  const done = budgetStagesDone(tally);
  return budgetStages.find((s) => !done[s]) ?? 'complete';
}

/** Why a record cannot be added now: the field and the bilingual reason. */
export interface BudgetRecordRefusal {
  field: string;
  message: LocalizedText;
}

const once: readonly BudgetRecordKind[] = ['plan', 'tender', 'appraisal'];
const onceWords: Record<string, LocalizedText> = {
  plan: { zh: '方案已经议定，不能再次记录', en: 'The plan has already been agreed' },
  tender: { zh: '招标已经记录，不能再次记录', en: 'The tender has already been recorded' },
  appraisal: {
    zh: '民主评议已经记录，不能再次记录',
    en: 'The appraisal has already been recorded',
  },
};

/**
 * Whether a record of `kind` dated `on` may be added to a project with `tally`: a stage's records
 * wait for the stage before it (requests may be added at any time), the agreed plan waits for a
 * design meeting, the plan, tender and appraisal are recorded once, and a record is dated neither
 * after `today` nor before the latest record of the stage before it. Null when it may; the
 * refusal otherwise.
 *
 * @example
 * checkBudgetRecord('tender', '2026-05-01', emptyBudgetTally(), '2026-06-01');
 * // { field: 'stage', message: { zh: '尚未完成「代表共商方案」阶段…', … } }
 */
export function checkBudgetRecord(
  kind: BudgetRecordKind,
  on: string,
  tally: BudgetRecordTally,
  today: string,
): BudgetRecordRefusal | null {
  if (once.includes(kind) && tally[kind].count > 0) {
    return { field: 'stage', message: onceWords[kind]! };
  }
  const stage = budgetStageOfKind[kind];
  const index = budgetStages.indexOf(stage);
  if (index > 0) {
    const done = budgetStagesDone(tally);
    const missing = budgetStages.slice(0, index).find((s) => !done[s]);
    if (missing) {
      const name = budgetStageNames[missing];
      const wanted = budgetStageNames[stage];
      return {
        field: 'stage',
        message: {
          zh: `尚未完成「${name.zh}」阶段，不能记录「${wanted.zh}」：五个阶段须依次进行`,
          en: `“${name.en}” is not yet recorded, so “${wanted.en}” cannot be: the five stages follow in order`,
        },
      };
    }
  }
  if (kind === 'plan' && tally.meeting.count === 0) {
    return {
      field: 'stage',
      message: {
        zh: '方案须经村民代表议事会商议：请先记录至少一次代表会议',
        en: "The plan is agreed at a representatives' meeting: record a meeting first",
      },
    };
  }
  if (on > today) {
    return {
      field: 'on',
      message: {
        zh: `日期不能晚于今天（${today}）`,
        en: `The date cannot be in the future (today is ${today})`,
      },
    };
  }
  const before = previousLatest(kind, tally);
  if (before && on < before) {
    return {
      field: 'on',
      message: {
        zh: `日期不能早于上一阶段最后一条记录的日期（${before}）`,
        en: `The date cannot be before the last record of the stage before (${before})`,
      },
    };
  }
  return null;
}

/** The kinds whose records each kind follows in time (the plan follows its meetings). */
const follows: Readonly<Record<BudgetRecordKind, readonly BudgetRecordKind[]>> = {
  request: [],
  meeting: ['request'],
  plan: ['meeting'],
  tender: ['plan', 'meeting'],
  inspection: ['tender'],
  appraisal: ['inspection'],
};

/** The latest date among the records this kind follows. */
function previousLatest(kind: BudgetRecordKind, tally: BudgetRecordTally): string | null {
  const dates = follows[kind].map((k) => tally[k].latest).filter((d): d is string => d !== null);
  return dates.length === 0 ? null : dates.reduce((a, b) => (a > b ? a : b));
}

/** The counts of a 民主评议 of a finished project. */
export interface AppraisalCounts {
  participants: number;
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
}

/**
 * Checks an appraisal's counts: at least one participant, whole non-negative counts, and the
 * three answers together not above the participants (some may give none). Returns the field
 * problems (empty when the counts hold) and the satisfaction rate (satisfied and basically
 * satisfied over participants, in whole percent, rounded down).
 *
 * @example
 * checkAppraisal({ participants: 50, satisfied: 40, basicallySatisfied: 8, unsatisfied: 2 });
 * // { problems: [], satisfactionPercent: 96 }
 */
export function checkAppraisal(counts: AppraisalCounts): {
  problems: BudgetRecordRefusal[];
  satisfactionPercent: number | null;
} {
  const problems: BudgetRecordRefusal[] = [];
  for (const field of ['participants', 'satisfied', 'basicallySatisfied', 'unsatisfied'] as const) {
    const n = counts[field];
    if (!Number.isInteger(n) || n < 0) {
      problems.push({
        field,
        message: { zh: '人数应为非负整数', en: 'A count is a whole number, not negative' },
      });
    }
  }
  if (problems.length === 0 && counts.participants < 1) {
    problems.push({
      field: 'participants',
      message: { zh: '参加评议的人数至少为 1', en: 'At least one resident takes part' },
    });
  }
  const answered = counts.satisfied + counts.basicallySatisfied + counts.unsatisfied;
  if (problems.length === 0 && answered > counts.participants) {
    problems.push({
      field: 'satisfied',
      message: {
        zh: `满意、基本满意、不满意合计 ${answered} 人，超过参加评议的 ${counts.participants} 人`,
        en: `Satisfied, basically satisfied and unsatisfied add up to ${answered}, more than the ${counts.participants} who took part`,
      },
    });
  }
  const satisfactionPercent =
    problems.length === 0
      ? Math.floor(((counts.satisfied + counts.basicallySatisfied) * 100) / counts.participants)
      : null;
  return { problems, satisfactionPercent };
}

/**
 * Checks the attendance of a representatives' meeting or the tender: at least one
 * representative present, and (for a count in the register) no more than `max`.
 */
export function checkAttendingRepresentatives(
  field: string,
  attending: number,
  max = 500,
): BudgetRecordRefusal | null {
  if (!Number.isInteger(attending) || attending < 1 || attending > max) {
    return {
      field,
      message: {
        zh: `出席的村民代表人数应在 1 至 ${max} 之间`,
        en: `The representatives attending number between 1 and ${max}`,
      },
    };
  }
  return null;
}

/** A stage record as the checks of a change see it: its kind and date. */
export interface BudgetRecordDate {
  kind: BudgetRecordKind;
  on: string;
}

/**
 * Whether a record of `kind` may be moved to `on`, given the project's other records: not after
 * `today`, not before the latest record it follows, and not after the earliest record that follows
 * it. Null when it may; the refusal (on the field `on`) otherwise.
 *
 * @example
 * checkBudgetRecordDate('plan', '2026-03-01', [{ kind: 'meeting', on: '2026-03-05' }], '2026-06-01');
 * // { field: 'on', message: { zh: '日期不能早于上一阶段最后一条记录的日期（2026-03-05）', … } }
 */
export function checkBudgetRecordDate(
  kind: BudgetRecordKind,
  on: string,
  others: readonly BudgetRecordDate[],
  today: string,
): BudgetRecordRefusal | null {
  if (on > today) {
    return {
      field: 'on',
      message: {
        zh: `日期不能晚于今天（${today}）`,
        en: `The date cannot be in the future (today is ${today})`,
      },
    };
  }
  const before = others
    .filter((r) => follows[kind].includes(r.kind))
    .reduce<string | null>((a, r) => (a === null || r.on > a ? r.on : a), null);
  if (before && on < before) {
    return {
      field: 'on',
      message: {
        zh: `日期不能早于上一阶段最后一条记录的日期（${before}）`,
        en: `The date cannot be before the last record of the stage before (${before})`,
      },
    };
  }
  const after = others
    .filter((r) => follows[r.kind].includes(kind))
    .reduce<string | null>((a, r) => (a === null || r.on < a ? r.on : a), null);
  if (after && on > after) {
    return {
      field: 'on',
      message: {
        zh: `日期不能晚于下一阶段最早一条记录的日期（${after}）`,
        en: `The date cannot be after the first record of the stage after (${after})`,
      },
    };
  }
  return null;
}

/**
 * Whether a record of `kind` may be deleted, given the project's other records: the records left
 * must still follow the stages in order (a later stage's record never stays without the stages
 * before it, an agreed plan never without a design meeting). Null when it may.
 *
 * @example
 * checkBudgetRecordRemoval('plan', [{ kind: 'meeting', on: '2026-03-01' }, { kind: 'tender', on: '2026-04-01' }]);
 * // { field: 'recordId', message: { zh: '后续阶段已有记录…', … } }
 */
export function checkBudgetRecordRemoval(
  kind: BudgetRecordKind,
  others: readonly BudgetRecordDate[],
): BudgetRecordRefusal | null {
  const tally = emptyBudgetTally();
  for (const r of others) tally[r.kind] = { ...tally[r.kind], count: tally[r.kind].count + 1 };
  const done = budgetStagesDone(tally);
  const orphaned = others.find((r) => {
    const index = budgetStages.indexOf(budgetStageOfKind[r.kind]);
    const missing = budgetStages.slice(0, index).some((s) => !done[s]);
    return missing || (r.kind === 'plan' && tally.meeting.count === 0);
  });
  if (!orphaned) return null;
  const name = budgetRecordKindNames[kind];
  const later = budgetRecordKindNames[orphaned.kind];
  return {
    field: 'recordId',
    message: {
      zh: `「${later.zh}」已有记录，删除这条「${name.zh}」会打乱五个阶段的顺序：请先删除后面的记录`,
      en: `A “${later.en}” record exists; deleting this “${name.en}” would break the order of the five stages: delete the later records first`,
    },
  };
}
