import { organicLawCitation } from './articles.js';
import { uniqueCitations } from './_internal/citations.js';
import { InputChecker, prefixFields, problem } from './_internal/problems.js';
import { checkResolution, type MeetingBody, type ResolutionInput } from './check-resolution.js';
import type { Citation, Problem } from './problem.js';
import { lawDates, type CountySettings } from './rules.js';

/** The six steps of 四议两公开, in order. */
export type DeliberationStep =
  | 'party_branch_proposal'
  | 'two_committees_consultation'
  | 'party_members_review'
  | 'villagers_resolution'
  | 'resolution_published'
  | 'results_published';

/** The steps of 四议两公开 in their required order. */
export const deliberationSteps: readonly DeliberationStep[] = [
  'party_branch_proposal',
  'two_committees_consultation',
  'party_members_review',
  'villagers_resolution',
  'resolution_published',
  'results_published',
];

/** A step taken. `meeting` records the vote of `party_members_review` and `villagers_resolution`. */
export interface DeliberationStepRecord {
  readonly step: DeliberationStep;
  /** Day the step was taken, `YYYY-MM-DD`. */
  readonly on: string;
  /** A `checkResolution` input dated `on`. */
  readonly meeting?: ResolutionInput;
}

export interface FourDeliberationsInput {
  readonly steps: readonly DeliberationStepRecord[];
  /** 一肩挑: the Party secretary chairs the 村委会, so the first two steps may be one. */
  readonly secretaryIsChair?: boolean;
}

export interface FourDeliberationsResult {
  readonly complete: boolean;
  /** Steps still to take (missing or whose meeting failed), in order. */
  readonly nextSteps: readonly DeliberationStep[];
  readonly problems: readonly Problem[];
  readonly citations: readonly Citation[];
}

const meetingBodiesByStep: Partial<Record<DeliberationStep, readonly MeetingBody[]>> = {
  party_members_review: ['party_members_meeting'],
  villagers_resolution: ['villagers_meeting', 'representatives_meeting'],
};

const stepNames: Record<DeliberationStep, { zh: string; en: string }> = {
  party_branch_proposal: { zh: '村党组织提议', en: 'Party branch proposal' },
  two_committees_consultation: { zh: '村“两委”会议商议', en: 'two committees consultation' },
  party_members_review: { zh: '党员大会审议', en: 'Party members review' },
  villagers_resolution: {
    zh: '村民会议或村民代表会议决议',
    en: "villagers' (representatives) meeting resolution",
  },
  resolution_published: { zh: '决议公开', en: 'resolution published' },
  results_published: { zh: '实施结果公开', en: 'results published' },
};

/** @example deliberationStepName('party_branch_proposal').zh // → '村党组织提议' */
export function deliberationStepName(step: DeliberationStep): { zh: string; en: string } {
  return stepNames[step];
}

const partyStudySteps: readonly DeliberationStep[] = [
  'party_branch_proposal',
  'two_committees_consultation',
];

function validate(input: FourDeliberationsInput): Problem[] {
  const check = new InputChecker();
  if (input.secretaryIsChair !== undefined)
    check.boolean('secretaryIsChair', input.secretaryIsChair);
  if (!check.array('steps', input.steps)) return check.problems;
  const seen = new Set<string>();
  input.steps.forEach((record, index) => {
    const field = `steps[${index}]`;
    if (check.oneOf(`${field}.step`, record.step, deliberationSteps)) {
      if (seen.has(record.step)) {
        check.fail(`${field}.step`, {
          zh: `步骤重复：${record.step}`,
          en: `duplicate step ${record.step}`,
        });
      }
      seen.add(record.step);
    }
    check.date(`${field}.on`, record.on);
    if (record.meeting !== undefined) {
      if (!meetingBodiesByStep[record.step]) {
        check.fail(`${field}.meeting`, {
          zh: '只有党员大会审议和村民（代表）会议决议记录会议',
          en: "only the Party members review and the villagers' resolution record a meeting",
        });
        return;
      }
      if (record.meeting.date !== record.on) {
        check.fail(`${field}.meeting.date`, {
          zh: '应与步骤日期相同',
          en: 'must equal the step date',
        });
      }
      const invalid = checkResolution(record.meeting).problems.filter(
        (p) => p.code === 'INVALID_INPUT',
      );
      check.problems.push(...prefixFields(invalid, `${field}.meeting`));
    }
  });
  return check.problems;
}

/**
 * Checks a decision taken by 四议两公开: proposal by the village Party branch, consultation of the
 * two committees, review by the Party members meeting, resolution of the villagers' (or
 * representatives) meeting, publication of the resolution and of the results. Steps out of order
 * (by date), skipped, or whose meeting fails (via `checkResolution`) are errors; a meeting step
 * without its `meeting` record is a warning. With `secretaryIsChair` (一肩挑) the first two steps
 * may be one (either suffices). Before 2026 the procedure is policy (no citation); from
 * 2026-01-01 (by the resolution's date) the Party organisation's prior study is law, so a
 * resolution without it, or before it, cites organic law 2025 Art. 28. The Party members'
 * review is checked by 《中国共产党支部工作条例（试行）》 Art. 11 (via `checkResolution`, which
 * receives the county `settings`).
 *
 * @example
 * checkFourDeliberations({ secretaryIsChair: true, steps: [
 *   { step: 'party_branch_proposal', on: '2026-03-01' },
 *   { step: 'villagers_resolution', on: '2026-03-10' },
 * ] });
 * // { complete: false, nextSteps: ['party_members_review', 'resolution_published', 'results_published'],
 * //   problems: [{ code: 'STEP_SKIPPED', field: 'steps', … }, { code: 'MEETING_NOT_RECORDED', … }], … }
 */
export function checkFourDeliberations(
  input: FourDeliberationsInput,
  settings: CountySettings = {},
): FourDeliberationsResult {
  const invalid = validate(input);
  if (invalid.length > 0)
    return { complete: false, nextSteps: [], problems: invalid, citations: [] };

  const combined = input.secretaryIsChair === true;
  const byStep = new Map<DeliberationStep, { record: DeliberationStepRecord; index: number }>();
  input.steps.forEach((record, index) => byStep.set(record.step, { record, index }));

  const resolution = byStep.get('villagers_resolution');
  const latest = input.steps.reduce<string | undefined>(
    (max, record) => (max === undefined || record.on > max ? record.on : max),
    undefined,
  );
  const versionDate = resolution?.record.on ?? latest;
  const partyStudyIsLaw = versionDate !== undefined && versionDate >= lawDates.organicLaw2025;
  const partyStudyCitation = partyStudyIsLaw
    ? organicLawCitation('villagers_meeting_matters', versionDate)
    : undefined;

  const problems: Problem[] = [];
  const citations: (Citation | undefined)[] = [partyStudyCitation];
  const failed = new Set<DeliberationStep>();

  // Which steps are required and missing.
  const missing = new Set<DeliberationStep>();
  for (const step of deliberationSteps) if (!byStep.has(step)) missing.add(step);
  if (
    combined &&
    (byStep.has('party_branch_proposal') || byStep.has('two_committees_consultation'))
  ) {
    missing.delete('party_branch_proposal');
    missing.delete('two_committees_consultation');
  }
  if (combined && missing.has('party_branch_proposal'))
    missing.delete('two_committees_consultation');

  // Skipped: a required step missing while a later step was taken.
  for (const step of missing) {
    const position = deliberationSteps.indexOf(step);
    const later = deliberationSteps.slice(position + 1).find((s) => byStep.has(s));
    if (!later) continue;
    const law =
      partyStudySteps.includes(step) && resolution !== undefined ? partyStudyCitation : undefined;
    problems.push(
      problem(
        'STEP_SKIPPED',
        'error',
        {
          zh: `未经“${stepNames[step].zh}”即进行了“${stepNames[later].zh}”`,
          en: `"${stepNames[later].en}" was taken without "${stepNames[step].en}"`,
        },
        { citation: law, field: 'steps' },
      ),
    );
  }

  // Out of order: a step dated before a step that must precede it.
  let previous: { step: DeliberationStep; on: string } | undefined;
  for (const step of deliberationSteps) {
    const entry = byStep.get(step);
    if (!entry) continue;
    if (previous && entry.record.on < previous.on) {
      const law =
        deliberationSteps.indexOf(step) >= deliberationSteps.indexOf('villagers_resolution') &&
        partyStudySteps.some((s) => {
          const study = byStep.get(s);
          return study !== undefined && study.record.on > entry.record.on;
        })
          ? partyStudyCitation
          : undefined;
      problems.push(
        problem(
          'STEP_OUT_OF_ORDER',
          'error',
          {
            zh: `“${stepNames[step].zh}”（${entry.record.on}）早于应在其前的“${stepNames[previous.step].zh}”（${previous.on}）`,
            en: `"${stepNames[step].en}" (${entry.record.on}) came before "${stepNames[previous.step].en}" (${previous.on}), which must precede it`,
          },
          { citation: law, field: `steps[${entry.index}].on` },
        ),
      );
    } else {
      previous = { step, on: entry.record.on };
    }
  }

  // Meetings.
  for (const [step, bodies] of Object.entries(meetingBodiesByStep) as Array<
    [DeliberationStep, readonly MeetingBody[]]
  >) {
    const entry = byStep.get(step);
    if (!entry) continue;
    const field = `steps[${entry.index}].meeting`;
    const meeting = entry.record.meeting;
    if (!meeting) {
      problems.push(
        problem(
          'MEETING_NOT_RECORDED',
          'warning',
          {
            zh: `“${stepNames[step].zh}”未记录会议出席和表决情况，无法核对`,
            en: `"${stepNames[step].en}" has no record of attendance and votes to check`,
          },
          { field },
        ),
      );
      continue;
    }
    if (!bodies.includes(meeting.body)) {
      failed.add(step);
      problems.push(
        problem(
          'WRONG_BODY',
          'error',
          {
            zh: `“${stepNames[step].zh}”应由 ${bodies.join(' 或 ')} 作出`,
            en: `"${stepNames[step].en}" must be taken by ${bodies.join(' or ')}`,
          },
          {
            citation:
              step === 'villagers_resolution'
                ? organicLawCitation('villagers_meeting_matters', entry.record.on)
                : undefined,
            field: `${field}.body`,
          },
        ),
      );
      continue;
    }
    const result = checkResolution(meeting, settings);
    citations.push(...result.citations);
    if (!result.passed) {
      failed.add(step);
      problems.push(...prefixFields(result.problems, field));
    }
  }

  const nextSteps = deliberationSteps.filter((step) => missing.has(step) || failed.has(step));
  return {
    complete: nextSteps.length === 0 && !problems.some((p) => p.severity === 'error'),
    nextSteps,
    problems,
    citations: uniqueCitations(citations),
  };
}
