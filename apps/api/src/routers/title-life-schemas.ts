// Input and output pieces of a title's life (一村一档), with bilingual messages.
import { z } from 'zod';
import { bi } from '../trpc/messages.js';
import { complaintChannels, titleCheckResults } from '../db/schema.js';
import { timelineKinds } from '../services/titles/title-life.js';
import { MAX_SEED } from '../services/titles/sample.js';

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar day YYYY-MM-DD between 1900 and 2200 (a field error otherwise, never a 500). */
export const calendarDate = z
  .string({ error: bi('请填写日期', 'Enter a date') })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: bi('日期格式应为YYYY-MM-DD', 'Use YYYY-MM-DD') })
  .refine(isCalendarDate, { error: bi('日期无效', 'Not a valid date') })
  .refine((v) => v >= '1900-01-01' && v <= '2200-12-31', {
    error: bi('日期应在1900年至2200年之间', 'The date must lie between 1900 and 2200'),
  });

/** A required text of at most `max` characters, trimmed. */
export function text(max: number, what: { zh: string; en: string }) {
  return z
    .string()
    .trim()
    .min(1, { error: bi(`请填写${what.zh}`, `Enter the ${what.en}`) })
    .max(max, {
      error: bi(`${what.zh}不能超过${max}字`, `The ${what.en} is at most ${max} characters`),
    });
}

export const checkResult = z.enum(titleCheckResults, {
  error: bi('检查结果无效', 'Unknown check result'),
});
export const complaintChannel = z.enum(complaintChannels, {
  error: bi('投诉渠道无效', 'Unknown channel'),
});
export const timelineKind = z.enum(timelineKinds);
export const outcome = z.enum(['keep', 'revoke', 'cancel']);

/** n titles, or p% of them (rounded up). */
export const sampleSize = z.union([
  z.object({
    count: z
      .number()
      .int({ error: bi('抽取数量须为整数', 'The number is a whole number') })
      .min(1, { error: bi('至少抽取1个', 'Draw at least 1') })
      .max(10_000, { error: bi('最多抽取10000个', 'Draw at most 10,000') }),
  }),
  z.object({
    percent: z
      .number()
      .min(1, { error: bi('比例应在1%至100%之间', 'The share must be 1–100%') })
      .max(100, { error: bi('比例应在1%至100%之间', 'The share must be 1–100%') }),
  }),
]);

export const seed = z
  .number()
  .int({ error: bi('随机种子须为整数', 'The seed is a whole number') })
  .min(1, { error: bi('随机种子应在1至2147483647之间', 'The seed must be 1–2147483647') })
  .max(MAX_SEED, { error: bi('随机种子应在1至2147483647之间', 'The seed must be 1–2147483647') });

const naming = z.object({
  kind: z.literal('naming'),
  id: z.string(),
  date: z.string(),
  campaignName: z.string().nullable(),
  level: z.string(),
  awardingBody: z.string().nullable(),
  documentNumber: z.string().nullable(),
});
const check = z.object({
  kind: z.literal('check'),
  id: z.string(),
  date: z.string(),
  inspector: z.string(),
  findings: z.string(),
  result: checkResult,
});
const complaint = z.object({
  kind: z.literal('complaint'),
  id: z.string(),
  date: z.string(),
  version: z.number(),
  channel: complaintChannel,
  substance: z.string(),
  complainantName: z.string().nullable(),
  reply: z.string().nullable(),
  repliedOn: z.string().nullable(),
});
const rectification = z.object({
  kind: z.literal('rectification'),
  id: z.string(),
  date: z.string(),
  version: z.number(),
  findings: z.string(),
  deadline: z.string(),
  reportedOn: z.string().nullable(),
  reportNote: z.string().nullable(),
  completedOn: z.string().nullable(),
  completionNote: z.string().nullable(),
  overdue: z.boolean(),
});
const recheck = z.object({
  kind: z.literal('recheck'),
  id: z.string(),
  date: z.string(),
  version: z.number(),
  batchId: z.string().nullable(),
  decidedOn: z.string().nullable(),
  outcome: outcome.nullable(),
  reasons: z.array(z.string()).nullable(),
  note: z.string().nullable(),
});
export const timelineEntry = z.discriminatedUnion('kind', [
  naming,
  check,
  complaint,
  rectification,
  recheck,
]);
