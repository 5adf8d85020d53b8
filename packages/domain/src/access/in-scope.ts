// The in-scope test on division codes: a scope holds the codes that start with its prefix.
import { parseDivisionCode } from '../divisions/division-code.js';
import { WHOLE_DEPLOYMENT } from './scope-levels.js';

/**
 * The significant digits of a scope code: `''` for the whole deployment, `null` for a malformed
 * code (a scope that holds nothing: fail closed).
 */
export function scopePrefix(scopeCode: string): string | null {
  if (scopeCode === WHOLE_DEPLOYMENT) return '';
  const parsed = parseDivisionCode(scopeCode);
  return parsed.ok ? parsed.division.prefix : null;
}

/**
 * Whether the division `code` lies inside the scope `scopeCode` (the scope itself included).
 * The whole deployment holds every code; a malformed scope, or a missing code, holds nothing.
 *
 * @example
 * inScope('330728000000', '330728101201') // → true
 * inScope('330728101000', '330728102201') // → false
 */
export function inScope(scopeCode: string, code: string | null | undefined): boolean {
  const prefix = scopePrefix(scopeCode);
  if (prefix === '') return true;
  if (prefix === null || !code) return false;
  return code.startsWith(prefix);
}
