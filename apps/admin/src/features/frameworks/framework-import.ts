// What the 导入 dialog decides without React: who may import, the instant check of the pasted or
// chosen JSON with @fazhi/domain, and the problems of a refused import as one list.
import {
  validateFramework,
  type Framework,
  type IndicatorProblem,
  type LocalizedText,
} from '@fazhi/domain';
import { apiErrorInfo, problemDetails } from '../../lib/errors';
import type { Role } from '../../lib/roles';

/** The largest framework file the dialog reads (a framework is a few dozen kilobytes). */
export const MAX_FRAMEWORK_BYTES = 2 * 1024 * 1024;

/** One problem to list: where (a JavaScript accessor path, `''` for the whole document) and why. */
export interface FrameworkProblemRow {
  path: string;
  message: LocalizedText;
}

/** The result of checking the text in the browser. */
export type LocalCheck =
  | { kind: 'empty' }
  | { kind: 'notJson'; detail: string }
  | { kind: 'invalid'; problems: FrameworkProblemRow[] }
  | { kind: 'valid'; framework: Framework; definition: unknown };

/** Roles that may import a framework (the API enforces the same). */
export function canImportFrameworks(role: Role): boolean {
  return role === 'system_admin' || role === 'county_admin';
}

/** Parses the text as JSON and validates it with `validateFramework`. */
export function checkFrameworkText(text: string): LocalCheck {
  if (!text.trim()) return { kind: 'empty' };
  let definition: unknown;
  try {
    definition = JSON.parse(text) as unknown;
  } catch (error) {
    return { kind: 'notJson', detail: error instanceof Error ? error.message : String(error) };
  }
  const result = validateFramework(definition);
  if (!result.ok) {
    return { kind: 'invalid', problems: dedupe(result.problems.map(toRow)) };
  }
  return { kind: 'valid', framework: result.framework, definition };
}

function toRow(p: Pick<IndicatorProblem, 'path' | 'message'>): FrameworkProblemRow {
  // the API names the root "(root)" in its field errors; the domain leaves the path empty
  const path = p.path === '(root)' ? '' : p.path;
  return { path, message: { zh: p.message.zh, en: p.message.en } };
}

function dedupe(rows: FrameworkProblemRow[]): FrameworkProblemRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.path}\u0000${r.message.zh}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What a refused `frameworks.import` says, for the dialog. */
export interface ImportRefusal {
  /** `FRAMEWORK_VERSION_EXISTS`: the code and version are taken; the user changes the version. */
  versionExists: boolean;
  /** Every problem the server listed (`details.problems` and `fieldErrors`, once each). */
  problems: FrameworkProblemRow[];
}

/** Reads the server's problems from a failed `frameworks.import`. */
export function importRefusal(error: unknown): ImportRefusal {
  const info = apiErrorInfo(error);
  const fromDetails = (problemDetails(info, 'FRAMEWORK_INVALID')?.problems ?? []).map(toRow);
  const versionExists = info?.problemCode === 'FRAMEWORK_VERSION_EXISTS';
  // the conflict's field error ("version: this version exists") is said by the alert already
  const fromFields = versionExists ? [] : (info?.fieldErrors ?? []).map(toRow);
  return { versionExists, problems: dedupe([...fromDetails, ...fromFields]) };
}

/** The number of scored items of a framework. */
export function itemCount(framework: Pick<Framework, 'areas'>): number {
  return framework.areas.reduce((sum, a) => sum + a.items.length, 0);
}
