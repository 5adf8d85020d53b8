// Input pieces shared by routers, with bilingual messages, and the output shapes more than one
// router answers with.
import { z } from 'zod';
import { bi } from '../trpc/messages.js';
import { roles } from '../auth/roles.js';
import { campaignModes, subjectLevels } from '@fazhi/domain';
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

/** A campaign's or title's year (an integer column): 2000–2100, a field error outside. */
export const year = z
  .number()
  .int({ error: bi('年度应为整数', 'The year is a whole number') })
  .min(2000, { error: bi('年度应在2000至2100之间', 'The year must be between 2000 and 2100') })
  .max(2100, { error: bi('年度应在2000至2100之间', 'The year must be between 2000 and 2100') });

const earliest = new Date('1900-01-01T00:00:00Z');
const latest = new Date('2200-12-31T23:59:59.999Z');

/**
 * A moment given by the caller (an ISO string, or milliseconds): years 1900–2200, so that a
 * date PostgreSQL cannot hold is a field error, not a server error.
 */
export const dateTime = z.coerce
  .date({ error: bi('日期无效', 'Not a valid date') })
  .min(earliest, {
    error: bi('日期应在1900年至2200年之间', 'The date must lie between 1900 and 2200'),
  })
  .max(latest, {
    error: bi('日期应在1900年至2200年之间', 'The date must lie between 1900 and 2200'),
  });

/** The optimistic-lock version a change is based on (an integer column). */
export const version = z
  .number()
  .int()
  .min(1)
  .max(2_147_483_647, { error: bi('版本号无效', 'Invalid version') });

export const pagination = {
  page: z.number().int().min(1).max(1_000_000).default(1),
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
  mode: z.enum(campaignModes),
  subjectLevel: z.enum(subjectLevels),
  publicNotice: z.boolean(),
  recommendationQuota: z.number().int().nullable(),
  /** The stages of this campaign's flow, in order. */
  stages: z.array(z.enum(campaignStages)),
  frameworkId: z.string(),
  stage: z.enum(campaignStages),
  stageDates: z.record(z.string(), z.string()),
  /** The records period the county set (null: the domain's rule, `campaignRecordPeriod`). */
  recordPeriod: z.object({ from: z.string(), to: z.string() }).nullable(),
  noticeDays: z.number().int(),
  minSelfScore: z.number().nullable(),
  minAcceptedScore: z.number().nullable(),
  requireLowerTitle: z.boolean(),
  /** Whether the township must score every item before approving. */
  townshipScoreRequired: z.boolean(),
  /** Whether only pilot villages may declare. */
  hasPilotVillages: z.boolean(),
  /** The pilot villages inside the caller's scope (all of them for the county). */
  pilotVillageCodes: z.array(z.string()),
  /** The assigned inspectors: all for the county, below it only the caller if assigned. */
  inspectorIds: z.array(z.string()),
  /** When the pilot phase ended (null: none, or still in it). */
  rolledOutAt: z.date().nullable(),
  /** When the county closed the campaign (read-only from then on), and its summary. */
  closedAt: z.date().nullable(),
  closingSummary: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
