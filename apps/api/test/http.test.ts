import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/http/server.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { useTestDatabase } from './harness.js';

const t = useTestDatabase();
let app: Awaited<ReturnType<typeof createServer>>;
const staticDir = mkdtempSync(join(tmpdir(), 'fazhi-static-'));

beforeAll(async () => {
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>法治</title>');
  writeFileSync(join(staticDir, 'app.js'), 'console.log(1)');
  app = await createServer({
    database: t.database,
    staticDir,
    dataDir: staticDir,
    logLevel: 'silent',
  });
});
afterAll(async () => {
  await app.close();
  rmSync(staticDir, { recursive: true, force: true });
});

async function login(username = 'county') {
  const res = await app.inject({
    method: 'POST',
    url: '/trpc/auth.login',
    payload: { username, password: DEMO_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'fazhi_session');
  return { res, cookie: `fazhi_session=${cookie!.value}` };
}

describe('HTTP', () => {
  it('reports database health', async () => {
    const res = await app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok' });
  });

  it('sends security headers', async () => {
    const res = await app.inject('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('sets an HttpOnly, SameSite=Lax session cookie that authenticates later calls', async () => {
    const { res, cookie } = await login();
    const set = String(res.headers['set-cookie']);
    expect(set).toContain('HttpOnly');
    expect(set).toContain('SameSite=Lax');
    expect(set).not.toContain('Secure');
    const me = await app.inject({ url: '/trpc/auth.me', headers: { cookie } });
    expect(me.json().result.data).toMatchObject({ username: 'county', role: 'county_admin' });
  });

  it('answers bad input with 400 and field errors, never a stack trace', async () => {
    const { cookie } = await login();
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/users.create',
      headers: { cookie },
      payload: { username: 'a', displayName: '', password: 'x', role: 'king', scopeCode: '12' },
    });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.data.fieldErrors.map((f: { path: string }) => f.path)).toEqual([
      'username',
      'displayName',
      'role',
      'scopeCode',
    ]);
    expect(error.data.messages.en).toContain('username');
    expect(res.body).not.toContain('stack');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers malformed JSON with 400', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('stack');
  });

  it('a mutation without input may be posted with an empty JSON body, by any role', async () => {
    for (const username of ['admin', 'township']) {
      const { cookie } = await login(username);
      const res = await app.inject({
        method: 'POST',
        url: '/trpc/auth.logout',
        headers: { cookie, 'content-type': 'application/json' },
      });
      expect(res.statusCode, username).toBe(200);
      const me = await app.inject({ url: '/trpc/auth.me', headers: { cookie } });
      expect(me.statusCode, username).toBe(401);
    }
  });

  it('refuses anonymous calls with 401', async () => {
    const res = await app.inject(
      '/trpc/divisions.search?input=' + encodeURIComponent('{"q":"村"}'),
    );
    expect(res.statusCode).toBe(401);
    expect(res.json().error.data.messages).toEqual({ zh: '请先登录', en: 'Please sign in' });
  });

  it('serves the SPA, and index.html for client-side routes', async () => {
    expect((await app.inject('/app.js')).statusCode).toBe(200);
    const route = await app.inject('/users');
    expect(route.statusCode).toBe(200);
    expect(route.body).toContain('法治');
    expect((await app.inject('/api/nothing')).statusCode).toBe(404);
  });
});

describe('POST /api/divisions/import', () => {
  it('needs a session', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/divisions/import',
      headers: { 'content-type': 'text/csv' },
      payload: '330728101201,杨林村\n',
    });
    expect(res.statusCode).toBe(401);
  });

  it('imports a good file and reports the counts', async () => {
    const { cookie } = await login();
    const res = await app.inject({
      method: 'POST',
      url: '/api/divisions/import',
      headers: {
        cookie,
        'content-type': 'text/csv',
        'x-file-name': encodeURIComponent('区划.csv'),
      },
      payload: '\uFEFFcode,name\n330728101201,杨林新村\n',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ total: 1, inserted: 0, updated: 1, unchanged: 0 });
    const audit = await app.inject({
      url: '/trpc/audit.list?input=' + encodeURIComponent('{}'),
      headers: { cookie },
    });
    const event = audit.json().result.data.items[0];
    expect(event).toMatchObject({
      action: 'divisions.import',
      after: { fileName: '区划.csv', updated: 1 },
    });
  });

  it('imports even when the file name header is malformed', async () => {
    const { cookie } = await login();
    const res = await app.inject({
      method: 'POST',
      url: '/api/divisions/import',
      headers: { cookie, 'content-type': 'text/csv', 'x-file-name': '%E0%A4%A' },
      payload: '330728101201,杨林村\n',
    });
    expect(res.statusCode).toBe(200);
  });

  it('rejects a bad file with 400 and every bad line', async () => {
    const { cookie } = await login();
    const res = await app.inject({
      method: 'POST',
      url: '/api/divisions/import',
      headers: { cookie, 'content-type': 'text/csv' },
      payload: '330728101201,\nxyz,坏码\n',
    });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.problemCode).toBe('IMPORT_REJECTED');
    expect(error.details.errors.map((e: { line: number }) => e.line)).toEqual([1, 2]);
  });
});
