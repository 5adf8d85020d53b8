// Input and output pieces shared by the village records routers.
import { z } from 'zod';
import { bi } from '../trpc/messages.js';

export const isoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    error: bi('日期格式应为 YYYY-MM-DD', 'A date is written YYYY-MM-DD'),
  })
  .refine(
    (v) => {
      const time = Date.parse(`${v}T00:00:00Z`);
      return !Number.isNaN(time) && new Date(time).toISOString().startsWith(v);
    },
    {
      error: bi('日期无效', 'Not a valid date'),
    },
  );

/** A head count: a whole number from 0 to 1,000,000. */
export const headCount = z
  .number()
  .int({ error: bi('人数应为整数', 'A count is a whole number') })
  .min(0, { error: bi('人数不能为负数', 'A count cannot be negative') })
  .max(1_000_000, { error: bi('人数不能超过1000000', 'A count cannot exceed 1,000,000') });

export const shortText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: bi(`最多 ${max} 个字符`, `At most ${max} characters`) });

export const requiredText = (max: number) =>
  shortText(max).min(1, { error: bi('不能为空', 'Required') });

export const uuid = z.uuid({ error: bi('编号无效', 'Invalid id') });

const localized = z.object({ zh: z.string(), en: z.string() });
const citation = z.object({
  law: z.string(),
  version: z.string(),
  article: z.number(),
  paragraph: z.number().optional(),
  unverified: z.literal(true).optional(),
});
export const problemOutput = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: localized,
  citation: citation.optional(),
  field: z.string().optional(),
});
export const checkOutput = z.object({
  problems: z.array(problemOutput).readonly(),
  citations: z.array(citation).readonly(),
});
export const warningOutput = z.object({ code: z.string(), field: z.string(), message: localized });
