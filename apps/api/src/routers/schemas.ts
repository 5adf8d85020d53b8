// Input pieces shared by routers, with bilingual messages, and the output shapes more than one
// router answers with.
import { z } from 'zod';
import { bi } from '../trpc/messages.js';
import { roles } from '../auth/roles.js';
import { campaignLevels, campaignStages } from '../db/schema.js';

export const divisionCode = z
  .string()
  .regex(/^\d{12}$/, { error: bi('区划代码应为12位数字', 'A division code has 12 digits') });

export const role = z.enum(roles, {
  error: bi('角色无效', 'Unknown role'),
});

export const username = z
  .string()
  .trim()
  .min(3, { error: bi('用户名至少3个字符', 'The username needs at least 3 characters') })
  .max(32, { error: bi('用户名最多32个字符', 'The username has at most 32 characters') })
  .regex(/^[a-zA-Z0-9_.-]+$/, {
    error: bi(
      '用户名只能包含字母、数字、下划线、点和连字符',
      'The username may contain letters, digits, underscore, dot and hyphen only',
    ),
  });

export const displayName = z
  .string()
  .trim()
  .min(1, { error: bi('姓名不能为空', 'The name is required') })
  .max(50, { error: bi('姓名最多50个字符', 'The name has at most 50 characters') });

export const password = z
  .string()
  .max(72, { error: bi('密码最多72个字符', 'The password has at most 72 characters') });

export const pagination = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(20),
};

export function paged<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

/** A campaign as the API shows it (`present()`: minimum scores in points, not hundredths). */
export const campaignOutput = z.object({
  id: z.string(),
  countyCode: z.string(),
  name: z.string(),
  year: z.number().int(),
  level: z.enum(campaignLevels),
  frameworkId: z.string(),
  stage: z.enum(campaignStages),
  stageDates: z.record(z.string(), z.string()),
  noticeDays: z.number().int(),
  minSelfScore: z.number().nullable(),
  minAcceptedScore: z.number().nullable(),
  requireLowerTitle: z.boolean(),
  /** Whether only pilot villages may declare. */
  hasPilotVillages: z.boolean(),
  /** The pilot villages inside the caller's scope (all of them for the county). */
  pilotVillageCodes: z.array(z.string()),
  /** The assigned inspectors: all for the county, below it only the caller if assigned. */
  inspectorIds: z.array(z.string()),
  createdAt: z.date(),
  updatedAt: z.date(),
});
