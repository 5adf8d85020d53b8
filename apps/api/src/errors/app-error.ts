// The one error type services throw: a stable problem code, a bilingual message, field errors and
// typed details. It knows nothing of tRPC or HTTP; `trpc/app-error-code.ts` maps each code to one.
import type {
  IndicatorProblem,
  LocalizedText,
  ParticipationState,
  RegisterRuleCode,
  ScoreTableProblem,
  TransitionProblem,
} from '@fazhi/domain';
import type { LineProblem } from '../services/divisions/parse-division-csv.js';
import type { BadCell as GroupBadCell } from '../services/records/workbook.js';
import type { BadCell as SheetBadCell } from '../services/campaigns/score-sheet-import.js';
import type { Blocker } from '../services/campaigns/campaigns.js';
import type { SheetColumnData } from '../db/schema.js';

export interface FieldProblem {
  /** Dotted path of the input field, e.g. "scopeCode". */
  readonly path: string;
  readonly message: LocalizedText;
}

/** A problem without details. */
export type NoDetails = undefined;

/** IMPORT_BAD_CELLS: every bad cell of a rejected groups import. */
export interface ImportBadCellsDetails {
  cells: GroupBadCell[];
}
/** IMPORT_REJECTED: the bad lines of a rejected division import (the first few hundred). */
export interface ImportRejectedDetails {
  errorCount: number;
  errors: LineProblem[];
}
/** BATCH_CHANGED: how many titles the batch would hold now. */
export interface BatchChangedDetails {
  total: number;
}
/** RECORD_CONFLICT: the version the record has now (a change was based on an older one). */
export interface RecordConflictDetails {
  version: number;
}
/** STAGE_BLOCKED: what keeps the campaign in its stage. */
export interface StageBlockedDetails {
  blockers: Blocker[];
}
/** SHEET_CONFLICT: the score sheet as someone else saved it. */
export interface SheetConflictDetails {
  version: number;
  state: ParticipationState;
  updatedBy: string | null;
  /** ISO timestamp of the other save. */
  updatedAt: string | null;
  /** The column in question as stored now (when a column was saved). */
  column?: SheetColumnData | null;
}
/** A refused participation event (its code is the first problem's): every problem. */
export interface TransitionRefusedDetails {
  problems: readonly TransitionProblem[];
}
/** XLSX_INVALID: every bad cell of an imported score-sheet workbook. */
export interface XlsxInvalidDetails {
  errors: SheetBadCell[];
}
/** FRAMEWORK_XLSX_INVALID: why a 考核评分表 workbook gave no draft. */
export interface FrameworkXlsxInvalidDetails {
  problems: readonly ScoreTableProblem[];
}
/** FRAMEWORK_INVALID: every problem `validateFramework` found. */
export interface FrameworkInvalidDetails {
  problems: readonly IndicatorProblem[];
}

/** Each problem code and the type of its details. */
/** A register's validation rule (its errors are field errors). */
type RegisterRuleProblems = Record<RegisterRuleCode, NoDetails>;

export interface ProblemDetails extends RegisterRuleProblems {
  // sign-in and sessions
  UNAUTHENTICATED: NoDetails;
  BAD_CREDENTIALS: NoDetails;
  DEMO_PASSWORD_REFUSED: NoDetails;
  ACCOUNT_LOCKED: NoDetails;
  ADDRESS_THROTTLED: NoDetails;
  PASSWORD_CHANGE_LOCKED: NoDetails;
  LOGIN_NOT_BATCHED: NoDetails;
  // access
  OUT_OF_SCOPE: NoDetails;
  CROSS_SITE_REQUEST: NoDetails;
  ROLE_FORBIDDEN: NoDetails;
  READ_ONLY_ROLE: NoDetails;
  ROLE_NOT_BELOW_OWN: NoDetails;
  NOT_YOUR_TURN: NoDetails;
  NOT_FOUND: NoDetails;
  // input
  INVALID_INPUT: NoDetails;
  INVALID_INSPECTOR: NoDetails;
  USERNAME_TAKEN: NoDetails;
  ANSWERS_INVALID: NoDetails;
  OVERRIDE_REASON_REQUIRED: NoDetails;
  FRAMEWORK_INVALID: FrameworkInvalidDetails;
  SEED_REQUIRED: NoDetails;
  QUOTA_REQUIRED: NoDetails;
  LEVEL_ABOVE_COUNTY: NoDetails;
  LEVEL_NOT_ABOVE_COUNTY: NoDetails;
  /** A request the server cannot read (malformed body). */
  BAD_REQUEST: NoDetails;
  INPUT_TOO_COMPLEX: NoDetails;
  // files
  EMPTY_FILE: NoDetails;
  FILE_TYPE: NoDetails;
  FILE_ENCODING: NoDetails;
  FILE_TOO_LARGE: NoDetails;
  BODY_TOO_LARGE: NoDetails;
  UNSUPPORTED_MEDIA_TYPE: NoDetails;
  XLSX_INVALID: XlsxInvalidDetails;
  FRAMEWORK_XLSX_INVALID: FrameworkXlsxInvalidDetails;
  IMPORT_BAD_CELLS: ImportBadCellsDetails;
  IMPORT_REJECTED: ImportRejectedDetails;
  // conflicts
  ALREADY_DECLARED: NoDetails;
  ALREADY_NAMED: NoDetails;
  BATCH_CHANGED: BatchChangedDetails;
  FRAMEWORK_VERSION_EXISTS: NoDetails;
  GROUP_NAME_TAKEN: NoDetails;
  NAME_TAKEN: NoDetails;
  RECORD_CONFLICT: RecordConflictDetails;
  RECORD_LOCKED: NoDetails;
  RULES_NOT_FILED: NoDetails;
  SHEET_CONFLICT: SheetConflictDetails;
  // state
  BATCH_EMPTY: NoDetails;
  LOWER_TITLE_REQUIRED: NoDetails;
  RECHECK_DECIDED: NoDetails;
  RECTIFICATION_COMPLETED: NoDetails;
  REVOKED_RECENTLY: NoDetails;
  SHEET_INCOMPLETE: NoDetails;
  PERIOD_LOCKED: NoDetails;
  PERIOD_ALREADY_LOCKED: NoDetails;
  PERIOD_NOT_LOCKED: NoDetails;
  SCREENING_EXISTS: NoDetails;
  FIGURES_EXIST: NoDetails;
  TASK_ACTOR_NOT_ALLOWED: NoDetails;
  TASK_TRANSITION_NOT_ALLOWED: NoDetails;
  PROJECT_NOT_SHORTLISTED: NoDetails;
  COMMENT_ANSWERED: NoDetails;
  TALLY_EXCEEDS_PRESENT: NoDetails;
  CAMPAIGN_HAS_DECLARATIONS: NoDetails;
  BULK_NOT_APPLICABLE: NoDetails;
  STAGE_BLOCKED: StageBlockedDetails;
  STAGE_CLOSED: NoDetails;
  TITLE_NOT_ACTIVE: NoDetails;
  WRONG_STAGE: NoDetails;
  NOT_A_PILOT: NoDetails;
  CAMPAIGN_CLOSED: NoDetails;
  NO_PILOT_PHASE: NoDetails;
  ALREADY_ROLLED_OUT: NoDetails;
  PILOT_MEETING_MISSING: NoDetails;
  TOWNSHIP_SCORE_INCOMPLETE: NoDetails;
  // campaign modes: declarations, annual outcomes, the recommendation quota
  NO_DECLARATIONS: NoDetails;
  NOT_ANNUAL: NoDetails;
  NOT_ASSESSED: NoDetails;
  NO_QUOTA: NoDetails;
  QUOTA_EXCEEDED: NoDetails;
  // a refused participation event, by the domain's first problem
  TRANSITION_NOT_ALLOWED: TransitionRefusedDetails;
  ACTOR_NOT_ALLOWED: TransitionRefusedDetails;
  REASON_REQUIRED: TransitionRefusedDetails;
  SELF_SCORE_TOO_LOW: TransitionRefusedDetails;
  ACCEPTED_SCORE_TOO_LOW: TransitionRefusedDetails;
  VETOED: TransitionRefusedDetails;
  NOTICE_NOT_OVER: TransitionRefusedDetails;
  OBJECTION_INCOMPLETE: TransitionRefusedDetails;
  DECISION_INCOMPLETE: TransitionRefusedDetails;
  INVALID_DATE: TransitionRefusedDetails;
  // the system
  DATABASE_UNAVAILABLE: NoDetails;
}

export type ProblemCode = keyof ProblemDetails;

/** A problem code with no details. */
export type PlainProblemCode = {
  [C in ProblemCode]: ProblemDetails[C] extends NoDetails ? C : never;
}[ProblemCode];

const fallback: LocalizedText = { zh: '无法执行此操作', en: 'This cannot be done' };

export class AppError<C extends ProblemCode = ProblemCode> extends Error {
  constructor(
    readonly code: C,
    readonly details: ProblemDetails[C],
    readonly text: LocalizedText = fallback,
    readonly fields: readonly FieldProblem[] = [],
  ) {
    super(text.en);
    this.name = 'AppError';
  }
}

/** Throws an AppError: a problem code, its details, a bilingual message and field errors. */
export function fail<C extends ProblemCode>(
  code: C,
  details: ProblemDetails[C],
  message?: LocalizedText,
  fields: readonly FieldProblem[] = [],
): never {
  throw new AppError(code, details, message, fields);
}

export function forbidden(): never {
  fail('OUT_OF_SCOPE', undefined, {
    zh: '无权访问：超出您的管辖范围',
    en: 'Forbidden: outside your scope',
  });
}

export function notFound(what: LocalizedText): never {
  fail('NOT_FOUND', undefined, {
    zh: `${what.zh}不存在或不在您的管辖范围内`,
    en: `${what.en} not found or outside your scope`,
  });
}

/** A field-level validation failure found by a service (not by zod). */
export function invalidField(
  path: string,
  text: LocalizedText,
  code: PlainProblemCode = 'INVALID_INPUT',
): never {
  fail(code, undefined, text, [{ path, message: text }]);
}
