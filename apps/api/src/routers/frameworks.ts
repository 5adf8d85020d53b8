import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import type { Framework } from '@fazhi/domain';
import { authedProcedure, inTransaction, requireRole, writeProcedure } from '../trpc/init.js';
import { getFramework, importFramework, listFrameworks } from '../services/campaigns/frameworks.js';

/** Who may import a framework (as JSON, or a draft from a county's workbook). */
export const frameworkImportRoles = ['system_admin', 'county_admin'] as const;

export const frameworksRouter = {
  list: authedProcedure
    .output(
      z.array(
        z.object({
          id: z.string(),
          code: z.string(),
          version: z.string(),
          name: z.string(),
          builtin: z.boolean(),
          /** The county that imported it and alone sees it; null: shared by every county. */
          ownerCountyCode: z.string().nullable(),
          status: z.string().nullable(),
          totalPoints: z.number(),
          itemCount: z.number(),
        }),
      ),
    )
    .query(({ ctx }) => listFrameworks(ctx.db, ctx.scope)),

  get: authedProcedure
    .input(z.object({ id: z.uuid() }))
    .output(
      z.object({
        id: z.string(),
        code: z.string(),
        version: z.string(),
        name: z.string(),
        builtin: z.boolean(),
        ownerCountyCode: z.string().nullable(),
        definition: z.custom<Framework>(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const row = await getFramework(ctx.db, input.id, ctx.scope);
      return {
        id: row.id,
        code: row.code,
        version: row.version,
        name: row.name,
        builtin: row.builtin,
        ownerCountyCode: row.ownerCountyCode,
        definition: row.definition,
      };
    }),

  /**
   * Imports a framework (JSON, validated by @fazhi/domain) as a new version: a county
   * administrator's belongs to their county, the system administrator's is shared.
   */
  import: writeProcedure
    .use(requireRole(frameworkImportRoles))
    .input(z.object({ definition: z.unknown() }))
    .use(inTransaction)
    .output(z.object({ id: z.string(), code: z.string(), version: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const { id, framework } = await importFramework(
        ctx.db,
        input.definition,
        ctx.scope.countyCode,
      );
      await ctx.audit({
        action: 'frameworks.import',
        entity: 'framework',
        entityId: id,
        divisionCode: ctx.scope.isWholeDeployment ? null : ctx.user.scopeCode,
        after: {
          code: framework.code,
          version: framework.version,
          name: framework.name,
          ownerCountyCode: ctx.scope.countyCode,
        },
      });
      return { id, code: framework.code, version: framework.version };
    }),
} satisfies TRPCRouterRecord;
