// One audit change as a line of text: "字段：旧值 → 新值", a created value alone, a removed one
// marked as removed.
import type { AuditEvent } from '../../types';

export type Change = AuditEvent['changes'][number];

/** One change as text in the chosen language. */
export function changeLine(change: Change, lang: 'zh' | 'en', removed: string): string {
  const text = (v: { zh: string; en: string }) => (lang === 'en' ? v.en : v.zh);
  const colon = lang === 'en' ? ': ' : '：';
  const field = text(change.field);
  if (change.before && change.after) {
    return `${field}${colon}${text(change.before)} → ${text(change.after)}`;
  }
  if (change.after) return `${field}${colon}${text(change.after)}`;
  if (change.before) return `${field}${colon}${text(change.before)}${removed}`;
  return field;
}
