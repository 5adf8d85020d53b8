// What the server refuses before a procedure runs: bodies over their limit (before reading
// them), anonymous uploads (before reading them), input too deep or with too many keys,
// state-changing requests from other sites; and what it sends: the https-only CSP directive,
// file names without bidirectional controls, error logs without the values of the query.
import { connect } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/http/server.js';
import { cleanFileName, headerFileName } from '../src/http/replies.js';
import { jsonShapeProblem } from '../src/http/body-limits.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { divisions, evidenceFiles } from '../src/db/schema.js';
import { countRows, useTestDatabase } from './harness.js';
import { campaignInSelfAssessment, demoFramework, X_VILLAGE } from './campaign-fixture.js';

const t = useTestDatabase();
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-hardening-'));
type App = Awaited<ReturnType<typeof createServer>>;
let app: App;
let port: number;

beforeAll(async () => {
  app = await createServer({ database: t.database, dataDir, logLevel: 'silent' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function login(server: App = app, username = 'county') {
  const res = await server.inject({
    method: 'POST',
    url: '/trpc/auth.login',
    payload: { username, password: DEMO_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  return `fazhi_session=${res.cookies.find((c) => c.name === 'fazhi_session')!.value}`;
}

/**
 * Sends only the head of a request (whose body, per Content-Length, is still to come) and
 * resolves with the answer the server gives without waiting for the body; rejects after
 * `timeoutMs` when the server waits for it instead.
 */
function headOnly(head: string, timeoutMs = 3000) {
  return new Promise<{ status: number; body: string; ms: number }>((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms: the server waits for the body`));
    }, timeoutMs);
    const finish = () => {
      const at = received.indexOf('\r\n\r\n');
      if (at === -1) return false;
      const head = received.subarray(0, at).toString();
      const status = Number(head.slice(9, 12));
      const length = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      const body = received.subarray(at + 4);
      if (body.length < length) return false;
      clearTimeout(timer);
      socket.destroy();
      resolve({ status, body: body.toString(), ms: Date.now() - started });
      return true;
    };
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      finish();
    });
    socket.on('error', () => {});
    socket.write(head.replace(/\n/g, '\r\n') + '\r\n\r\n');
  });
}

describe('body limits', () => {
  it('refuses a tRPC body declared over 1 MB with 413 before reading it', async () => {
    const res = await headOnly(
      `POST /trpc/auth.login HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/json\nContent-Length: ${100 * 1024 * 1024}`,
    );
    expect(res.status).toBe(413);
    const error = JSON.parse(res.body).error;
    expect(error.data).toMatchObject({ problemCode: 'BODY_TOO_LARGE', httpStatus: 413 });
    expect(error.data.messages.zh).toContain('1 MB');
  });

  it('1 MB of tRPC input is accepted, one byte more is refused', async () => {
    const limit = 1024 * 1024;
    const body = (n: number) => {
      const head = '{"username":"county","password":"';
      return head + 'x'.repeat(n - head.length - 2) + '"}';
    };
    const atLimit = await app.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      headers: { 'content-type': 'application/json' },
      payload: body(limit),
    });
    expect(atLimit.statusCode).not.toBe(413);
    const over = await app.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      headers: { 'content-type': 'application/json' },
      payload: body(limit + 1),
    });
    expect(over.statusCode).toBe(413);
    expect(over.json().error.data.problemCode).toBe('BODY_TOO_LARGE');
  });

  it('refuses an anonymous upload before reading its body', async () => {
    for (const url of [
      '/api/divisions/import',
      '/api/participations/00000000-0000-4000-8000-000000000000/evidence?item=a&column=self',
      '/api/participations/00000000-0000-4000-8000-000000000000/sheet.xlsx',
    ]) {
      const res = await headOnly(
        `POST ${url} HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/octet-stream\nContent-Length: ${15 * 1024 * 1024}`,
      );
      expect(res.status, url).toBe(401);
      expect(JSON.parse(res.body).error, url).toMatchObject({
        code: 'UNAUTHORIZED',
        problemCode: 'UNAUTHENTICATED',
      });
    }
  });

  it('refuses a signed-in upload declared over the route limit before reading it', async () => {
    const cookie = await login();
    const res = await headOnly(
      `POST /api/divisions/import HTTP/1.1\nHost: 127.0.0.1\nCookie: ${cookie}\nContent-Type: text/csv\nContent-Length: ${200 * 1024 * 1024 + 1}`,
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      problemCode: 'FILE_TOO_LARGE',
      messages: { zh: '文件不能超过200 MB' },
    });
  });

  it('refuses 500,000 keys of JSON quickly, even under a raised body limit', async () => {
    const roomy = await createServer({
      database: t.database,
      dataDir,
      logLevel: 'silent',
      maxBodyBytes: 8 * 1024 * 1024,
    });
    try {
      const keys = Array.from({ length: 500_000 }, (_, i) => `"${i.toString(36)}":0`).join(',');
      const payload = `{"username":"county","password":"x","extra":{${keys}}}`;
      expect(payload.length).toBeGreaterThan(4 * 1024 * 1024);
      const started = Date.now();
      const res = await roomy.inject({
        method: 'POST',
        url: '/trpc/auth.login',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(Date.now() - started).toBeLessThan(1500);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.data.problemCode).toBe('INPUT_TOO_COMPLEX');
      // and on the default limit, refused by size
      const small = await app.inject({
        method: 'POST',
        url: '/trpc/auth.login',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(small.statusCode).toBe(413);
    } finally {
      await roomy.close();
    }
  });

  it('input nested 32 deep reaches the procedure; 33 deep is refused', async () => {
    const nested = (depth: number) => '['.repeat(depth - 1) + ']'.repeat(depth - 1);
    const post = (depth: number) =>
      app.inject({
        method: 'POST',
        url: '/trpc/auth.login',
        headers: { 'content-type': 'application/json' },
        payload: `{"username":${nested(depth)},"password":"x"}`,
      });
    const ok = await post(32);
    expect(ok.statusCode).toBe(400);
    expect(ok.json().error.data.problemCode).toBe('VALIDATION_FAILED');
    const deep = await post(33);
    expect(deep.statusCode).toBe(400);
    expect(deep.json().error.data.problemCode).toBe('INPUT_TOO_COMPLEX');
    // the same bound on a query's input in the URL, and in each entry of a batch
    const cookie = await login();
    const input = encodeURIComponent(`{"q":${nested(40)}}`);
    const query = await app.inject({
      url: `/trpc/divisions.search?input=${input}`,
      headers: { cookie },
    });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.data.problemCode).toBe('INPUT_TOO_COMPLEX');
    const batch = await app.inject({
      url: `/trpc/auth.me,divisions.search?batch=1&input=${input}`,
      headers: { cookie },
    });
    expect(batch.statusCode).toBe(400);
    expect(batch.json()).toHaveLength(2);
  });

  it('counts keys and depth outside strings only', () => {
    expect(jsonShapeProblem('{"a":"{{{{[[[[::::\\"::"}', { maxDepth: 1, maxKeys: 1 })).toBe(null);
    expect(jsonShapeProblem('{"a":1,"b":2}', { maxDepth: 1, maxKeys: 1 })).toBe('keys');
    expect(jsonShapeProblem('{"a":[1]}', { maxDepth: 1, maxKeys: 1 })).toBe('depth');
    expect(jsonShapeProblem('{"a":[1]}', { maxDepth: 2, maxKeys: 1 })).toBe(null);
  });

  it('refuses form data and raw bytes on tRPC, which would be read without a limit', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="username"\r\n\r\ncounty\r\n--x--\r\n',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.data.problemCode).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('cross-site requests', () => {
  const evil = 'http://evil.example';

  it('refuses the division import from another site, and changes nothing', async () => {
    const cookie = await login();
    const audits = await countRows(t.db, 'audit_events');
    const res = await app.inject({
      method: 'POST',
      url: '/api/divisions/import',
      headers: { cookie, origin: evil, 'content-type': 'text/plain' },
      payload: '330728101201,被改名村\n',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: 'FORBIDDEN',
      problemCode: 'CROSS_SITE_REQUEST',
    });
    expect(res.json().error.messages.zh).toContain('其他网站');
    const [row] = await t.db
      .select({ name: divisions.name })
      .from(divisions)
      .where(eq(divisions.code, '330728101201'));
    expect(row?.name).toBe('杨林村');
    expect(await countRows(t.db, 'audit_events')).toBe(audits);
  });

  it('refuses a form-encoded evidence upload from another site, and stores nothing', async () => {
    const { ids } = await campaignInSelfAssessment(t, [X_VILLAGE]);
    const item = (await demoFramework(t)).definition.areas[0]!.items[0]!.code;
    const cookie = await login(app, 'clerk');
    const url = `/api/participations/${ids[X_VILLAGE]!}/evidence?item=${item}&column=self`;
    const res = await app.inject({
      method: 'POST',
      url,
      headers: { cookie, origin: evil, 'content-type': 'application/x-www-form-urlencoded' },
      payload: '%PDF-1.7%0A=x',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.problemCode).toBe('CROSS_SITE_REQUEST');
    expect(await t.db.select().from(evidenceFiles)).toHaveLength(0);
    // the same request from the page itself is served
    const same = await app.inject({
      method: 'POST',
      url,
      headers: {
        cookie,
        host: 'fazhi.lan:3000',
        origin: 'http://fazhi.lan:3000',
        'content-type': 'application/octet-stream',
      },
      payload: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n'),
    });
    expect(same.statusCode).toBe(201);
  });

  it('refuses logout from another site; the session stays', async () => {
    const cookie = await login();
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/auth.logout',
      headers: { cookie, origin: evil, 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.data).toMatchObject({
      code: 'FORBIDDEN',
      httpStatus: 403,
      problemCode: 'CROSS_SITE_REQUEST',
    });
    const me = await app.inject({ url: '/trpc/auth.me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
  });

  it('decides by Sec-Fetch-Site when there is no Origin; `Origin: null` is refused', async () => {
    const cookie = await login();
    const logout = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/trpc/auth.logout',
        headers: { cookie, 'content-type': 'application/json', ...headers },
      });
    expect((await logout({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await logout({ 'sec-fetch-site': 'same-site' })).statusCode).toBe(403);
    expect((await logout({ origin: 'null' })).statusCode).toBe(403);
    // another port of the same host is another site
    expect(
      (await logout({ host: 'fazhi.lan:3000', origin: 'http://fazhi.lan:5173' })).statusCode,
    ).toBe(403);
    expect((await app.inject({ url: '/trpc/auth.me', headers: { cookie } })).statusCode).toBe(200);
    expect((await logout({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
  });

  it('serves same-origin requests, default ports included, and programs that send neither header', async () => {
    const cookie = await login();
    const me = () => app.inject({ url: '/trpc/auth.me', headers: { cookie } });
    const first = await app.inject({
      method: 'POST',
      url: '/trpc/auth.logout',
      headers: {
        cookie,
        host: 'fazhi.lan',
        origin: 'http://fazhi.lan:80',
        'content-type': 'application/json',
      },
    });
    expect(first.statusCode).toBe(200);
    expect((await me()).statusCode).toBe(401);
    // curl and scripts: no Origin, no Sec-Fetch-Site
    const again = await login();
    const plain = await app.inject({
      method: 'POST',
      url: '/trpc/auth.logout',
      headers: { cookie: again, 'content-type': 'application/json' },
    });
    expect(plain.statusCode).toBe(200);
  });

  it('trusts X-Forwarded-Host only behind a trusted proxy, and the allow-list', async () => {
    const headers = {
      origin: 'https://fazhi.example.gov.cn',
      'x-forwarded-host': 'fazhi.example.gov.cn',
    };
    const login = (server: App) =>
      server.inject({
        method: 'POST',
        url: '/trpc/auth.login',
        headers,
        payload: { username: 'county', password: DEMO_PASSWORD },
      });
    expect((await login(app)).statusCode).toBe(403);
    const proxied = await createServer({
      database: t.database,
      dataDir,
      logLevel: 'silent',
      trustProxy: true,
    });
    const listed = await createServer({
      database: t.database,
      dataDir,
      logLevel: 'silent',
      allowedOrigins: new Set(['https://fazhi.example.gov.cn']),
    });
    try {
      expect((await login(proxied)).statusCode).toBe(200);
      expect((await login(listed)).statusCode).toBe(200);
    } finally {
      await proxied.close();
      await listed.close();
    }
  });
});

describe('LAN deployment', () => {
  it('sends upgrade-insecure-requests only over https', async () => {
    const plain = await app.inject('/healthz');
    const csp = String(plain.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    const proxied = await createServer({
      database: t.database,
      dataDir,
      logLevel: 'silent',
      trustProxy: true,
    });
    try {
      const https = await proxied.inject({
        url: '/healthz',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(String(https.headers['content-security-policy'])).toContain(
        'upgrade-insecure-requests',
      );
      const http = await proxied.inject({
        url: '/healthz',
        headers: { 'x-forwarded-proto': 'http' },
      });
      expect(String(http.headers['content-security-policy'])).not.toContain(
        'upgrade-insecure-requests',
      );
    } finally {
      await proxied.close();
    }
  });

  it('the SPA page says in Chinese when its scripts cannot load, without an inline script', () => {
    const html = readFileSync(resolve(import.meta.dirname, '../../admin/index.html'), 'utf8');
    const root = /<div id="root">([\s\S]*?)<\/div>\s*<script/.exec(html)?.[1] ?? '';
    expect(root).toContain('页面未能加载');
    expect(html).toMatch(/<noscript>[\s\S]*JavaScript[\s\S]*<\/noscript>/);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/\ssrc=/);
  });
});

describe('file names', () => {
  const rlo = 'invoice\u202Efdp.exe';

  it.each([
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['\u2066a\u2069\u2067b\u2068c\u200E\u200F\u061C.pdf', 'abc.pdf'],
    ['\u202A\u202B\u202C\u202D.pdf', '.pdf'],
    ['tab\there\u0085.pdf', 'tabhere.pdf'],
    ['会议记录（第3次）.pdf', '会议记录（第3次）.pdf'],
  ])('cleans %j to %j', (raw, clean) => {
    expect(cleanFileName(raw)).toBe(clean);
    expect(headerFileName(encodeURIComponent(raw), 200)).toBe(clean);
  });

  it('stores uploads without bidirectional controls in their names', async () => {
    const cookie = await login();
    const res = await app.inject({
      method: 'POST',
      url: '/api/divisions/import',
      headers: {
        cookie,
        'content-type': 'text/csv',
        'x-file-name': encodeURIComponent(`${rlo}.csv`),
      },
      payload: '330728101201,杨林村\n',
    });
    expect(res.statusCode).toBe(200);
    const audit = await t.db.execute(sql`select after from audit_events`);
    expect(JSON.stringify(audit)).toContain('invoicefdp.exe.csv');
    expect(JSON.stringify(audit)).not.toContain('\\u202e');
  });
});

describe('error logs', () => {
  it('log the failure without the values of the query', async () => {
    const secret = '机密村名Zq7xK';
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logged = await createServer({
      database: t.database,
      dataDir,
      logLevel: 'info',
      logStream: stream,
    });
    await t.db.execute(
      sql.raw(`create or replace function fazhi_test_refuse() returns trigger language plpgsql as $$
        begin raise exception 'refused by test trigger'; end $$`),
    );
    await t.db.execute(
      sql.raw(`create trigger fazhi_test_refuse before update or insert on divisions
        for each row execute function fazhi_test_refuse()`),
    );
    try {
      const cookie = await login(logged);
      const file = await logged.inject({
        method: 'POST',
        url: '/api/divisions/import',
        headers: { cookie, 'content-type': 'text/csv' },
        payload: `330728101201,${secret}\n`,
      });
      expect(file.statusCode).toBe(500);
      const rpc = await logged.inject({
        method: 'POST',
        url: '/trpc/divisions.import',
        headers: { cookie },
        payload: { csv: `330728101201,${secret}\n` },
      });
      expect(rpc.statusCode).toBe(500);
    } finally {
      await t.db.execute(sql.raw('drop trigger fazhi_test_refuse on divisions'));
      await t.db.execute(sql.raw('drop function fazhi_test_refuse()'));
      await logged.close();
    }
    const errors = lines
      .map((l) => JSON.parse(l) as { level: number; msg: string; err?: unknown })
      .filter((l) => l.level >= 50);
    expect(errors.map((e) => e.msg).sort()).toEqual(['request failed', 'unexpected error']);
    const text = JSON.stringify(errors);
    // what failed is there: the class, the statement, PostgreSQL's message
    expect(text).toContain('DrizzleQueryError');
    expect(text).toContain('refused by test trigger');
    expect(text).toContain('Failed query');
    // with which values is not
    expect(lines.join('\n')).not.toContain(secret);
    expect(lines.join('\n')).not.toContain(encodeURIComponent(secret));
  });
});
