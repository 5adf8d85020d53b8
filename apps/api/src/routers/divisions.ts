import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { divisionLevels } from '@fazhi/domain';
import { authedProcedure, inTransaction, requireRole, writeProcedure } from '../trpc/init.js';
import { divisionImporterRoles } from '../auth/roles.js';
import { divisionChildren, getDivision, searchDivisions } from '../services/divisions/queries.js';
import { importDivisions } from '../services/divisions/import-divisions.js';
import { notFound } from '../errors/app-error.js';
import { bi } from '../trpc/messages.js';
import { divisionCode } from './schemas.js';

const level = z.enum(divisionLevels);

const division = z.object({
  code: z.string(),
  name: z.string(),
  level,
  parentCode: z.string().nullable(),
  urbanRuralCode: z.string().nullable(),
  childCount: z.number().int(),
});

/** The largest CSV accepted through tRPC; larger files go to POST /api/divisions/import. */
export const MAX_CSV_CHARS = 100 * 1024 * 1024;

export const importResult = z.object({
  total: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

export const divisionsRouter = {
  get: authedProcedure
    .input(z.object({ code: divisionCode }))
    .output(division)
    .query(async ({ ctx, input }) => {
      const row = await getDivision({ db: ctx.db, code: input.code });
      if (!row) notFound({ zh: `区划${input.code}`, en: `Division ${input.code}` });
      return row;
    }),

  children: authedProcedure
    .input(z.object({ parentCode: divisionCode }))
    .output(z.array(division))
    .query(({ ctx, input }) =>
      divisionChildren({ db: ctx.db, parentCode: input.parentCode, scope: ctx.scope }),
    ),

  search: authedProcedure
    .input(
      z.object({
        q: z
          .string()
          .trim()
          .min(1, { error: bi('请输入名称或代码', 'Enter a name or a code') })
          .max(50),
        level: level.optional(),
        limit: z.number().int().min(1).max(100).default(20),
      }),
    )
    .output(
      z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          level,
          parentCode: z.string().nullable(),
          parentName: z.string().nullable(),
        }),
      ),
    )
    .query(({ ctx, input }) =>
      searchDivisions({
        db: ctx.db,
        q: input.q,
        level: input.level,
        limit: input.limit,
        scope: ctx.scope,
      }),
    ),

  import: writeProcedure
    .use(requireRole(divisionImporterRoles))
    .input(
      z.object({
        csv: z
          .string()
          .min(1, { error: bi('文件为空', 'The file is empty') })
          .max(MAX_CSV_CHARS, { error: bi('文件过大', 'The file is too large') }),
        fileName: z.string().max(255).optional(),
      }),
    )
    .use(inTransaction)
    .output(importResult)
    .mutation(async ({ ctx, input }) => {
      const result = await importDivisions({ db: ctx.db, csv: input.csv, scope: ctx.scope });
      await ctx.audit({
        action: 'divisions.import',
        entity: 'division',
        divisionCode: ctx.scope.isWholeDeployment ? null : ctx.user.scopeCode,
        after: { fileName: input.fileName ?? null, ...result },
      });
      return result;
    }),
} satisfies TRPCRouterRecord;
