import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { authedProcedure, inTransaction, requireRole, writeProcedure } from '../trpc/init.js';
import { listUnits, saveUnit } from '../services/units.js';
import { bi } from '../trpc/messages.js';
import { divisionCode, paged, pagination } from './schemas.js';

const countyAdmins = requireRole(['system_admin', 'county_admin']);

const unit = z.object({
  countyCode: z.string(),
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  active: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** County units (县直单位), kept by the county administrators. */
export const unitsRouter = {
  list: authedProcedure
    .use(countyAdmins)
    .input(
      z.object({
        countyCode: divisionCode.optional(),
        activeOnly: z.boolean().optional(),
        ...pagination,
      }),
    )
    .output(paged(unit))
    .query(({ ctx, input }) => listUnits({ db: ctx.db, scope: ctx.scope, ...input })),

  save: writeProcedure
    .use(countyAdmins)
    .input(
      z.object({
        countyCode: divisionCode,
        id: z.uuid().optional(),
        name: z
          .string()
          .trim()
          .min(1, { error: bi('请填写单位名称', 'The name is required') })
          .max(100),
        kind: z.string().trim().max(50).default(''),
        active: z.boolean().default(true),
      }),
    )
    .use(inTransaction)
    .output(unit)
    .mutation(async ({ ctx, input }) => {
      const { before, after } = await saveUnit(ctx.db, ctx.scope, input);
      await ctx.audit({
        action: before ? 'units.update' : 'units.create',
        entity: 'county_unit',
        entityId: after.id,
        divisionCode: after.countyCode,
        ...(before
          ? { before: { name: before.name, kind: before.kind, active: before.active } }
          : {}),
        after: { name: after.name, kind: after.kind, active: after.active },
      });
      return after;
    }),
} satisfies TRPCRouterRecord;
