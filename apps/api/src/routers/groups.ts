import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { authedProcedure, inTransaction, writeProcedure } from '../trpc/init.js';
import { importGroups, listGroups, saveGroup } from '../services/records/groups.js';
import { divisionCode, version } from './schemas.js';
import { headCount, requiredText, uuid } from './records-schemas.js';
import { bi } from '../trpc/messages.js';

const group = z.object({
  id: z.string(),
  villageCode: z.string(),
  name: z.string(),
  sortOrder: z.number(),
  households: z.number(),
  voters: z.number(),
  representatives: z.number(),
  version: z.number(),
});

export const groupsRouter = {
  /** A village's groups and the village totals derived from them. */
  list: authedProcedure
    .input(z.object({ villageCode: divisionCode }))
    .output(
      z.object({
        items: z.array(group),
        totals: z.object({
          households: z.number(),
          voters: z.number(),
          representatives: z.number(),
        }),
      }),
    )
    .query(({ ctx, input }) => listGroups({ db: ctx.db, scope: ctx.scope, ...input })),

  save: writeProcedure
    .input(
      z.object({
        id: uuid.optional(),
        version: version.optional(),
        villageCode: divisionCode,
        name: requiredText(50),
        sortOrder: headCount.optional(),
        households: headCount,
        voters: headCount,
        representatives: headCount.optional(),
      }),
    )
    .use(inTransaction)
    .output(group)
    .mutation(({ ctx, input }) =>
      saveGroup({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, input }),
    ),

  /** Imports groups from CSV text or an .xlsx workbook (base64): all or nothing. */
  import: writeProcedure
    .input(
      z
        .object({
          villageCode: divisionCode,
          // a village's groups are a few dozen lines: 100 KB of text, a 200 KB workbook
          csv: z
            .string()
            .max(100_000, {
              error: bi('文件过大（最多100KB）', 'The file is too large (100 KB at most)'),
            })
            .optional(),
          workbook: z
            .base64({ error: bi('文件内容无效', 'Invalid file content') })
            .max(280_000, {
              error: bi('文件过大（最多200KB）', 'The file is too large (200 KB at most)'),
            })
            .optional(),
        })
        .refine((v) => (v.csv === undefined) !== (v.workbook === undefined), {
          error: bi('请提供CSV或Excel文件之一', 'Give either a CSV text or a workbook'),
          path: ['csv'],
        }),
    )
    .use(inTransaction)
    .output(z.object({ imported: z.number() }))
    .mutation(({ ctx, input }) =>
      importGroups({ db: ctx.db, scope: ctx.scope, audit: ctx.audit, ...input }),
    ),
} satisfies TRPCRouterRecord;
