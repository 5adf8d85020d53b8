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
  /** `line`: where the text stops being JSON (1-based), when the browser says. */
  | { kind: 'notJson'; line: number | null }
  | { kind: 'invalid'; problems: FrameworkProblemRow[] }
  | { kind: 'valid'; framework: Framework; definition: unknown };

/** Roles that may import a framework (the API enforces the same). */
export function canImportFrameworks(role: Role): boolean {
  return role === 'system_admin' || role === 'county_admin';
}

/** The line of a JSON syntax error, from the position or line the browser's message gives. */
export function jsonErrorLine(text: string, error: unknown): number | null {
  const message = error instanceof Error ? error.message : '';
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  if (position) return text.slice(0, Number(position[1])).split('\n').length;
  // V8: Unexpected token ']', ..."  "name": ]\n}" is not valid JSON (the text around the token)
  const around =
    /Unexpected token '(.+?)', (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/.exec(message);
  if (around) {
    const at = text.indexOf(around[2]!);
    const token = around[2]!.indexOf(around[1]!);
    if (at !== -1 && token !== -1) return text.slice(0, at + token).split('\n').length;
  }
  // "Unexpected end of JSON input" and the like: the text ends too soon
  return /end of (JSON )?(input|data)/i.test(message) ? text.split('\n').length : null;
}

/** Parses the text as JSON and validates it with `validateFramework`. */
export function checkFrameworkText(text: string): LocalCheck {
  if (!text.trim()) return { kind: 'empty' };
  let definition: unknown;
  try {
    definition = JSON.parse(text) as unknown;
  } catch (error) {
    // the browser's own words are English and technical: only where it stopped is kept
    return { kind: 'notJson', line: jsonErrorLine(text, error) };
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
