// What the 从Excel导入 dialog decides without React: the answer of the workbook route (a draft
// and the items left to complete, or every bad cell), the county's choices (code, name, version,
// grades, each item's method and rule) applied to the draft, and where a problem is in words.
// The completed definition is checked with `validateFramework` and saved by `frameworks.import`.
import {
  validateFramework,
  type AssessmentMethod,
  type FrameworkDraft,
  type ListedGrade,
  type ScoreTableProblem,
  type ScoringRule,
} from '@fazhi/domain';
import { apiErrorInfo, problemDetails, type ApiErrorInfo } from '../../lib/errors';
import type { FrameworkProblemRow } from './framework-import';

/** The workbook route. */
export const FRAMEWORK_WORKBOOK_URL = '/api/frameworks/import.xlsx';

/** The largest workbook the route accepts (checked here too, before uploading). */
export const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;

export type WorkbookOutcome =
  | {
      ok: true;
      sheet: string;
      draft: FrameworkDraft;
      incomplete: ScoreTableProblem[];
    }
  | { ok: false; error: ApiErrorInfo; problems: ScoreTableProblem[] };

function parseJson(body: string): unknown {
  try {
    return body ? (JSON.parse(body) as unknown) : null;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function problemsOf(value: unknown): ScoreTableProblem[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (p): p is ScoreTableProblem =>
      isRecord(p) &&
      typeof p.code === 'string' &&
      typeof p.sheet === 'string' &&
      (typeof p.cell === 'string' || p.cell === null) &&
      isRecord(p.message) &&
      typeof p.message.zh === 'string' &&
      typeof p.message.en === 'string',
  );
}

/** Reads the route's answer: the draft on 200, else the error and every bad cell. */
export function readWorkbookResponse(status: number, body: string): WorkbookOutcome {
  const parsed = parseJson(body);
  if (status === 200 && isRecord(parsed) && isRecord(parsed.draft)) {
    return {
      ok: true,
      sheet: typeof parsed.sheet === 'string' ? parsed.sheet : '',
      draft: parsed.draft as unknown as FrameworkDraft,
      incomplete: problemsOf(parsed.incomplete),
    };
  }
  const error = apiErrorInfo(parsed) ?? {
    code: status === 0 ? null : 'INTERNAL_SERVER_ERROR',
    problemCode: null,
    messages: null,
    fieldErrors: [],
  };
  const problems = problemDetails(error, 'FRAMEWORK_XLSX_INVALID')?.problems ?? [];
  return { ok: false, error, problems: [...problems] };
}

/** The rule kinds the dialog offers (the ones a 评分标准 text can state with one number). */
export const editableRuleKinds = ['check', 'deduction', 'count', 'proportional'] as const;
export type EditableRuleKind = (typeof editableRuleKinds)[number];

/** A rule as the county chooses it: a kind and, for three kinds, one number (null: not yet). */
export interface RuleChoice {
  kind: EditableRuleKind;
  /** perUnit of `deduction` and `count`, target of `proportional`. */
  value: number | null;
}

/** The county's choices over a draft. */
export interface DraftChoices {
  code: string;
  name: string;
  version: string;
  /** What the saved framework is: in force (default) or still a draft. */
  status: 'in_force' | 'draft';
  grades: Record<ListedGrade, number | null>;
  methods: Record<string, AssessmentMethod | undefined>;
  rules: Record<string, RuleChoice | undefined>;
}

function choiceOf(rule: ScoringRule | undefined): RuleChoice | undefined {
  switch (rule?.kind) {
    case 'check':
      return { kind: 'check', value: null };
    case 'deduction':
    case 'count':
      return { kind: rule.kind, value: rule.perUnit };
    case 'proportional':
      return { kind: 'proportional', value: rule.target };
    default:
      return undefined;
  }
}

/** The choices a draft starts with: what the workbook stated. */
export function initialChoices(draft: FrameworkDraft): DraftChoices {
  const grade = (g: ListedGrade) => draft.grades.find((b) => b.grade === g)?.minPoints ?? null;
  const items = draft.areas.flatMap((a) => a.items);
  return {
    code: draft.code,
    name: draft.name,
    version: draft.version,
    status: 'in_force',
    grades: { excellent: grade('excellent'), good: grade('good'), pass: grade('pass') },
    methods: Object.fromEntries(items.map((i) => [i.code, i.method])),
    rules: Object.fromEntries(items.map((i) => [i.code, choiceOf(i.rule)])),
  };
}

function ruleOf(choice: RuleChoice | undefined): Record<string, unknown> | undefined {
  if (!choice) return undefined;
  // a missing number is left out, so validateFramework names the field that is still to fill
  const value = choice.value ?? undefined;
  switch (choice.kind) {
    case 'check':
      return { kind: 'check' };
    case 'deduction':
    case 'count':
      return value === undefined ? { kind: choice.kind } : { kind: choice.kind, perUnit: value };
    case 'proportional':
      return value === undefined
        ? { kind: 'proportional' }
        : { kind: 'proportional', target: value };
  }
}

/** The framework definition: the draft with the county's choices (sent to `frameworks.import`). */
export function applyChoices(
  draft: FrameworkDraft,
  choices: DraftChoices,
): Record<string, unknown> {
  const grades = (['excellent', 'good', 'pass'] as const)
    .filter((g) => choices.grades[g] !== null)
    .map((g) => ({ grade: g, minPoints: choices.grades[g] }));
  return {
    ...draft,
    code: choices.code,
    name: choices.name,
    version: choices.version,
    status: choices.status,
    grades,
    areas: draft.areas.map((a) => ({
      ...a,
      items: a.items.map((item) => {
        const { method: _method, rule: _rule, ...rest } = item;
        const method = choices.methods[item.code];
        const rule = ruleOf(choices.rules[item.code]);
        return { ...rest, ...(method ? { method } : {}), ...(rule ? { rule } : {}) };
      }),
    })),
  };
}

/** What `validateFramework` still finds in the completed definition (empty: ready to save). */
export function remainingProblems(
  definition: Record<string, unknown>,
  draft: FrameworkDraft,
): FrameworkProblemRow[] {
  const result = validateFramework(definition);
  if (result.ok) return [];
  return result.problems.map((p) => ({ path: describePath(draft, p.path), message: p.message }));
}

/** `areas[1].items[0].rule.perUnit` → `A2.1 法治宣传阵地 · rule.perUnit`. */
export function describePath(draft: FrameworkDraft, path: string): string {
  const match = /^areas\[(\d+)\](?:\.items\[(\d+)\])?\.?(.*)$/.exec(path);
  if (!match) return path;
  const area = draft.areas[Number(match[1])];
  if (!area) return path;
  const item = match[2] === undefined ? undefined : area.items[Number(match[2])];
  const where = item ? `${item.code} ${item.name}` : `${area.code} ${area.name}`;
  return match[3] ? `${where} · ${match[3]}` : where;
}

/** Items that still need a rule or a method chosen. */
export function itemsToComplete(draft: FrameworkDraft, choices: DraftChoices): string[] {
  return draft.areas
    .flatMap((a) => a.items)
    .filter((i) => !choices.rules[i.code] || !choices.methods[i.code])
    .map((i) => i.code);
}
