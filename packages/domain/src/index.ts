/**
 * @fazhi/domain — rule-of-law indicators, scoring and village self-governance rules.
 * One curated list of named exports; helpers in `_internal/` are never exported.
 */
export type { LocalizedText } from './localized-text.js';
export { answersInPercent, formatRate, ratePercent, tenths } from './percent.js';
export * from './divisions/index.js';
export * from './indicators/index.js';
export * from './governance/index.js';
export * from './access/index.js';
export * from './campaigns/index.js';
export * from './records/index.js';
export { fieldWord, fieldWords } from './field-words.js';
export * from './registers/index.js';
export * from './township/index.js';
export * from './reports/index.js';
