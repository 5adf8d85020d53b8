// 实事工程百姓点单 (issue #13). Stable names: projects.save, projects.vote,
// projects.list({ divisionCode, year }).
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { authedProcedure, inTransaction, requireRole, writeProcedure } from '../trpc/init.js';
import { projectSourceKinds, projectStages } from '../db/schema.js';
import { listProjects, saveProject, voteProject } from '../services/township/projects.js';
import { divisionCode, paged, pagination, version, year } from './schemas.js';
import {
  checkOutput,
  headCount,
  isoDate,
  requiredText,
  shortText,
  uuid,
} from './records-schemas.js';
import { bi } from '../trpc/messages.js';

const offices = ['system_admin', 'county_admin', 'township_officer'] as const;

const stage = z.enum(projectStages, { error: bi('项目阶段无效', 'Unknown stage') });
const yuan = z
  .number()
  .int({ error: bi('金额以元为单位，应为整数', 'Amounts are whole yuan') })
  .min(0, { error: bi('金额不能为负数', 'An amount cannot be negative') })
  .max(100_000_000_000, { error: bi('金额过大', 'The amount is too large') });
const milestone = z.object({ title: requiredText(200), due: isoDate, done: z.boolean() });

const project = z.object({
  id: z.string(),
  townshipCode: z.string(),
  year: z.number(),
  title: z.string(),
  sourceKind: z.enum(projectSourceKinds),
  source: z.string(),
  raisedBy: z.number(),
  stage,
  screeningReason: z.string().nullable(),
  budgetYuan: z.number().nullable(),
  spentYuan: z.number(),
  percentDone: z.number(),
  milestones: z.array(milestone),
  vote: z
    .object({
      date: z.string(),
      deputies: z.number(),
      present: z.number(),
      votesFor: z.number(),
      votesAgainst: z.number(),
      abstentions: z.number(),
      check: checkOutput.extend({
        quorumMet: z.boolean(),
        passed: z.boolean(),
        votesNeeded: z.number(),
      }),
    })
    .nullable(),
  version: z.number(),
});

export const projectsRouter = {
  /** A township's projects of a year, a page at a time. */
  list: authedProcedure
    .input(z.object({ divisionCode, year, ...pagination }))
    .output(paged(project))
    .query(({ ctx, input }) => listProjects({ db: ctx.db, scope: ctx.scope, ...input })),

  /** An idea entered or screened, or a voted project's execution reported. */
  save: writeProcedure
    .use(requireRole(offices))
    .input(
      z.object({
        id: uuid.optional(),
        version: version.optional(),
        divisionCode,
        year,
        title: requiredText(200),
        sourceKind: z.enum(projectSourceKinds, { error: bi('来源类别无效', 'Unknown source') }),
        source: requiredText(100),
        raisedBy: headCount,
        stage: stage.optional(),
        screeningReason: shortText(1000).nullish(),
        budgetYuan: yuan.nullish(),
        spentYuan: yuan.optional(),
        percentDone: z
          .number()
          .int()
          .min(0, { error: bi('完成比例应在0至100之间', 'The percentage lies between 0 and 100') })
          .max(100, {
            error: bi('完成比例应在0至100之间', 'The percentage lies between 0 and 100'),
          })
          .optional(),
        milestones: z.array(milestone).max(20).optional(),
      }),
    )
    .use(inTransaction)
    .output(project)
    .mutation(({ ctx, input }) =>
      saveProject({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, input }),
    ),

  /** 票决 by the township people's congress, checked by the domain (quorum, majority of all). */
  vote: writeProcedure
    .use(requireRole(offices))
    .input(
      z.object({
        id: uuid,
        version,
        date: isoDate,
        deputies: headCount,
        present: headCount,
        votesFor: headCount,
        votesAgainst: headCount,
        abstentions: headCount,
      }),
    )
    .use(inTransaction)
    .output(project)
    .mutation(({ ctx, input }) =>
      voteProject({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, input }),
    ),
} satisfies TRPCRouterRecord;
