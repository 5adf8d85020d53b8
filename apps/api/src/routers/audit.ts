import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { authedProcedure } from '../trpc/init.js';
import { auditActions, listAuditEvents } from '../services/audit-list.js';
import { dateTime, divisionCode, paged, pagination } from './schemas.js';

const localized = z.object({ zh: z.string(), en: z.string() });

const event = z.object({
  id: z.number().int(),
  at: z.date(),
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  divisionCode: z.string().nullable(),
  countyCode: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  /** The person who acted (null: the system, or a sign-in under an unknown name). */
  actorName: z.string().nullable(),
  divisionName: z.string().nullable(),
  actionName: localized,
  entityName: localized,
  /** What changed, field by field in words ("字段：旧值 → 新值"). */
  changes: z.array(
    z.object({ field: localized, before: localized.nullable(), after: localized.nullable() }),
  ),
});

/** Read-only: no procedure changes or deletes an audit event (a trigger forbids it too). */
export const auditRouter = {
  list: authedProcedure
    .input(
      z.object({
        action: z.string().max(100).optional(),
        entity: z.string().max(100).optional(),
        actor: z.string().max(64).optional(),
        divisionCode: divisionCode.optional(),
        from: dateTime.optional(),
        to: dateTime.optional(),
        ...pagination,
      }),
    )
    .output(paged(event))
    .query(({ ctx, input }) =>
      listAuditEvents({ db: ctx.db, scope: ctx.scope, user: ctx.user, ...input }),
    ),

  actions: authedProcedure
    .output(z.array(z.object({ action: z.string(), name: localized })))
    .query(({ ctx }) => auditActions(ctx.db, ctx.scope)),
} satisfies TRPCRouterRecord;
