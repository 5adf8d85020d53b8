import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { authedProcedure, inTransaction, requireRole, writeProcedure } from '../trpc/init.js';
import { userManagerRoles } from '../auth/roles.js';
import { createUser, findUser, listUsers, updateUser } from '../services/users.js';
import { bi } from '../trpc/messages.js';
import {
  displayName,
  divisionCode,
  paged,
  pagination,
  password,
  role,
  username,
} from './schemas.js';

const user = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role,
  scopeCode: z.string(),
  scopeName: z.string().nullable(),
  /** A unit officer's county unit (县直单位). */
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  disabled: z.boolean(),
  lockedUntil: z.date().nullable(),
  lastLoginAt: z.date().nullable(),
  createdAt: z.date(),
});

const managers = requireRole(userManagerRoles);

/** What the audit log keeps of a user: never the password hash. */
function auditView(u: z.infer<typeof user>) {
  return {
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    scopeCode: u.scopeCode,
    unitId: u.unitId,
    disabled: u.disabled,
  };
}

export const usersRouter = {
  list: authedProcedure
    .use(managers)
    .input(
      z.object({
        q: z.string().trim().max(50).optional(),
        role: role.optional(),
        disabled: z.boolean().optional(),
        ...pagination,
      }),
    )
    .output(paged(user))
    .query(({ ctx, input }) => listUsers({ db: ctx.db, scope: ctx.scope, ...input })),

  create: writeProcedure
    .use(managers)
    .input(
      z.object({
        username,
        displayName,
        password: password.min(1, { error: bi('请输入初始密码', 'Enter an initial password') }),
        role,
        scopeCode: divisionCode,
        /** A unit officer's county unit (required for them, refused for anybody else). */
        unitId: z.uuid({ error: bi('请选择县直单位', 'Choose a county unit') }).optional(),
      }),
    )
    .use(inTransaction)
    .output(user)
    .mutation(async ({ ctx, input }) => {
      const id = await createUser({ db: ctx.db, actor: ctx.user, input });
      const created = await findUser(ctx.db, ctx.scope, id);
      await ctx.audit({
        action: 'users.create',
        entity: 'user',
        entityId: id,
        divisionCode: created.scopeCode,
        after: auditView(created),
      });
      return created;
    }),

  update: writeProcedure
    .use(managers)
    .input(
      z
        .object({
          id: z.uuid({ error: bi('用户编号无效', 'Invalid user id') }),
          displayName: displayName.optional(),
          role: role.optional(),
          scopeCode: divisionCode.optional(),
          /** A unit officer's county unit; null takes it away (with the role). */
          unitId: z
            .uuid({ error: bi('请选择县直单位', 'Choose a county unit') })
            .nullable()
            .optional(),
          disabled: z.boolean().optional(),
          password: password.optional(),
        })
        .refine((v) => Object.keys(v).length > 1, {
          error: bi('没有要修改的内容', 'Nothing to change'),
        }),
    )
    .use(inTransaction)
    .output(user)
    .mutation(async ({ ctx, input }) => {
      const { before, after } = await updateUser({
        db: ctx.db,
        actor: ctx.user,
        scope: ctx.scope,
        input,
      });
      await ctx.audit({
        action: 'users.update',
        entity: 'user',
        entityId: input.id,
        divisionCode: after.scopeCode,
        before: auditView(before),
        after: { ...auditView(after), passwordChanged: input.password !== undefined },
      });
      return after;
    }),
} satisfies TRPCRouterRecord;
