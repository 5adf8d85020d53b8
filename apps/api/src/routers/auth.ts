import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { authedProcedure, inTransaction, publicProcedure } from '../trpc/init.js';
import { changePassword, login, logout } from '../services/auth.js';
import { bi } from '../trpc/messages.js';
import { password, role } from './schemas.js';
import { WHOLE_DEPLOYMENT } from '../auth/roles.js';

const me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role,
  scopeCode: z.string(),
  scopeName: z.string().nullable(),
});

async function describeMe(
  db: Parameters<typeof changePassword>[0]['db'],
  user: {
    id: string;
    username: string;
    displayName: string;
    role: z.infer<typeof role>;
    scopeCode: string;
  },
) {
  let scopeName: string | null;
  if (user.scopeCode === WHOLE_DEPLOYMENT) {
    scopeName = '全部';
  } else {
    const row = await db.query.divisions.findFirst({
      columns: { name: true },
      where: (d, { eq: equals }) => equals(d.code, user.scopeCode),
    });
    scopeName = row?.name ?? null;
  }
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    scopeCode: user.scopeCode,
    scopeName,
  };
}

export const authRouter = {
  login: publicProcedure
    .input(
      z.object({
        username: z
          .string()
          .trim()
          .min(1, { error: bi('请输入用户名', 'Enter your username') })
          .max(64),
        password: z
          .string()
          .min(1, { error: bi('请输入密码', 'Enter your password') })
          .max(200),
      }),
    )
    .output(z.object({ user: me }))
    .mutation(async ({ ctx, input }) => {
      const { user, session, deviceToken } = await login({
        db: ctx.db,
        username: input.username,
        password: input.password,
        requestId: ctx.requestId,
        sessionHours: ctx.sessionHours,
        userAgent: ctx.userAgent,
        ip: ctx.ip,
        deviceToken: ctx.deviceToken,
        policy: ctx.loginThrottle,
      });
      ctx.cookies.setSession(session.token, session.expiresAt);
      ctx.cookies.setDevice?.(deviceToken);
      return { user: await describeMe(ctx.db, user) };
    }),

  logout: authedProcedure
    .use(inTransaction)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx }) => {
      await logout(ctx.db, ctx.user.sessionId);
      await ctx.audit({
        action: 'auth.logout',
        entity: 'session',
        entityId: ctx.user.id,
        divisionCode: ctx.user.scopeCode,
      });
      ctx.cookies.clearSession();
      return { ok: true as const };
    }),

  me: authedProcedure.output(me).query(({ ctx }) => describeMe(ctx.db, ctx.user)),

  // not in the audited transaction: a wrong current password must stay counted (see the service)
  changePassword: authedProcedure
    .input(
      z.object({
        currentPassword: z
          .string()
          .min(1, { error: bi('请输入当前密码', 'Enter the current password') }),
        newPassword: password,
      }),
    )
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await changePassword({
        db: ctx.db,
        actor: { id: ctx.user.id, username: ctx.user.username },
        sessionId: ctx.user.sessionId,
        currentPassword: input.currentPassword,
        newPassword: input.newPassword,
        requestId: ctx.requestId,
        divisionCode: ctx.user.scopeCode,
        policy: ctx.loginThrottle,
      });
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
