// The township work dashboard (督查督办, 实事工程, 件件有反馈 at a glance; issue #13 item 5).
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { projectStages, taskStates } from '@fazhi/domain';
import { authedProcedure } from '../trpc/init.js';
import { townshipDashboard } from '../services/township/dashboard.js';
import { divisionCode } from './schemas.js';
import { bi } from '../trpc/messages.js';

/** A count for each of `keys` (all present). */
const counts = <K extends string>(keys: readonly K[]) =>
  z.record(z.enum(keys as [K, ...K[]]), z.number());

const row = z.object({
  code: z.string(),
  name: z.string(),
  tasks: z.object({
    byState: counts(taskStates),
    byLight: counts(['green', 'yellow', 'red']),
    escalated: z.number(),
    closedLate: z.number(),
  }),
  projects: z.object({
    byStage: counts(projectStages),
    budgetYuan: z.number(),
    spentYuan: z.number(),
  }),
  comments: z.object({
    onTime: z.number(),
    late: z.number(),
    open: z.number(),
    openRed: z.number(),
  }),
});

export const townshipDashboardRouter = {
  /**
   * A township's or the county's figures for a year, per division one level below and in total:
   * tasks by state and light, projects by stage with budget and spending, comments by reply time.
   */
  summary: authedProcedure
    .input(
      z.object({
        divisionCode,
        year: z
          .number()
          .int({ error: bi('年度无效', 'Unknown year') })
          .min(2000, { error: bi('年度无效', 'Unknown year') })
          .max(2100, { error: bi('年度无效', 'Unknown year') }),
      }),
    )
    .output(
      z.object({
        divisionCode: z.string(),
        level: z.string(),
        year: z.number(),
        today: z.string(),
        total: row,
        rows: z.array(row),
      }),
    )
    .query(({ ctx, input }) => townshipDashboard({ db: ctx.db, scope: ctx.scope, ...input })),
} satisfies TRPCRouterRecord;
