import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import type { Framework } from '@fazhi/domain';
import { authedProcedure, requireRole, writeProcedure } from '../trpc/init.js';
import { getFramework, importFramework, listFrameworks } from '../services/campaigns/frameworks.js';

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
          status: z.string().nullable(),
          totalPoints: z.number(),
          itemCount: z.number(),
        }),
      ),
    )
    .query(({ ctx }) => listFrameworks(ctx.db)),

  get: authedProcedure
    .input(z.object({ id: z.uuid() }))
    .output(
      z.object({
        id: z.string(),
        code: z.string(),
        version: z.string(),
        name: z.string(),
        builtin: z.boolean(),
        definition: z.custom<Framework>(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const row = await getFramework(ctx.db, input.id);
      return {
        id: row.id,
        code: row.code,
        version: row.version,
        name: row.name,
        builtin: row.builtin,
        definition: row.definition,
      };
    }),

  /** Imports a framework (JSON, validated by @fazhi/domain) as a new version. */
  import: writeProcedure
    .use(requireRole(['system_admin', 'county_admin']))
    .input(z.object({ definition: z.unknown() }))
    .output(z.object({ id: z.string(), code: z.string(), version: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const { id, framework } = await importFramework(ctx.db, input.definition);
      await ctx.audit({
        action: 'frameworks.import',
        entity: 'framework',
        entityId: id,
        divisionCode: ctx.scope.isWholeDeployment ? null : ctx.user.scopeCode,
        after: { code: framework.code, version: framework.version, name: framework.name },
      });
      return { id, code: framework.code, version: framework.version };
    }),
} satisfies TRPCRouterRecord;
