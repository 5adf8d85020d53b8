// The way into an empty production deployment: `pnpm admin:create` (run as the real command on
// a database of its own), and the demo accounts' shared password refused in production.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '../src/db/schema.js';
import { verifyPassword } from '../src/auth/password.js';
import { createServer } from '../src/http/server.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { WHOLE_DEPLOYMENT } from '../src/auth/roles.js';
import { useTestDatabase } from './harness.js';
import { freshTarget, runScript, startServer, type Target } from './spawn-helpers.js';

const cli = 'src/cli/create-admin.ts';

describe('pnpm admin:create', { timeout: 300_000 }, () => {
  let target: Target;
  beforeAll(async () => {
    target = await freshTarget();
  });
  afterAll(async () => {
    await target?.drop();
  });

  it('creates a system administrator with the password from FAZHI_ADMIN_PASSWORD, and refuses bad passwords, no password and a taken name', async () => {
    const run = (args: string[], password?: string) =>
      runScript(cli, args, {
        ...target.env,
        ...(password === undefined ? {} : { FAZHI_ADMIN_PASSWORD: password }),
      });

    // refused before the database is touched, so these run side by side
    const [usage, noPassword, weak, demo] = await Promise.all([
      run([]),
      // no variable and no terminal to ask on: no default password, nothing created
      run(['root']),
      run(['root'], 'short1'),
      run(['root'], DEMO_PASSWORD),
    ]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('pnpm admin:create <username>');
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('FAZHI_ADMIN_PASSWORD');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('密码长度应为8–72个字符');
    expect(demo.code).toBe(1);
    expect(demo.stderr).toContain('不能使用演示账号的公开密码');

    const made = await run(['root', '县', '系统管理员'], 'Start2026now');
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('root');

    const again = await run(['ROOT'], 'Other2026now');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('用户名已被使用');

    const database = await target.open();
    try {
      const rows = await database.db.select().from(users);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        username: 'root',
        displayName: '县 系统管理员',
        role: 'system_admin',
        scopeCode: WHOLE_DEPLOYMENT,
        disabled: false,
      });
      expect(await verifyPassword(rows[0]!.passwordHash, 'Start2026now')).toBe(true);
      const audit = await database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.entityId, rows[0]!.id));
      expect(audit).toMatchObject([{ action: 'users.create', actorUsername: 'cli' }]);
    } finally {
      await database.close();
    }
  });
});

describe('production', () => {
  const t = useTestDatabase();
  let app: Awaited<ReturnType<typeof createServer>>;
  beforeAll(async () => {
    app = await createServer({
      database: t.database,
      dataDir: '/nonexistent',
      logLevel: 'silent',
      refuseDemoPassword: true,
    });
  });
  afterAll(async () => {
    await app.close();
  });

  const login = (username: string, password: string) =>
    app.inject({ method: 'POST', url: '/trpc/auth.login', payload: { username, password } });

  it('refuses the demo password for demo accounts and anyone else alike; other passwords work', async () => {
    const demoAccount = await login('county', DEMO_PASSWORD);
    const unknown = await login('nobody', DEMO_PASSWORD);
    expect(demoAccount.statusCode).toBe(401);
    expect(demoAccount.json().error.data).toMatchObject({
      problemCode: 'DEMO_PASSWORD_REFUSED',
      messages: { zh: '生产环境不能使用演示密码登录，请由管理员重设密码' },
    });
    expect(unknown.json().error.data).toEqual(demoAccount.json().error.data);
    expect(demoAccount.headers['set-cookie']).toBeUndefined();

    // once an administrator has set it another password, the account signs in
    const admin = await t.as('admin');
    const [county] = await t.db.select().from(users).where(eq(users.username, 'county'));
    await admin.users.update({ id: county!.id, password: 'Own2026pass' });
    expect((await login('county', 'Own2026pass')).statusCode).toBe(200);
  });
});

describe('the started server in production', { timeout: 300_000 }, () => {
  it('loads the demo with FAZHI_DEMO=true but refuses its shared password', async () => {
    const target = await freshTarget();
    const server = await startServer({
      ...target.env,
      NODE_ENV: 'production',
      FAZHI_DEMO: 'true',
    });
    try {
      const res = await fetch(`${server.url}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
      });
      expect(res.status).toBe(401);
      expect(
        ((await res.json()) as { error: { data: { problemCode: string } } }).error.data.problemCode,
      ).toBe('DEMO_PASSWORD_REFUSED');
    } finally {
      await server.stop();
      await target.drop();
    }
  });
});
