// The example nginx configuration (deploy/nginx.conf), tested: nginx with a self-signed
// certificate in front of an API server on 127.0.0.1, reached over HTTPS. The forwarded headers
// must arrive as the API expects them (client address, https, host), the session cookie must be
// Secure, uploads up to the API's largest limit must pass and larger ones stop at nginx.
// Skipped when nginx is not installed (on Debian: apt-get install -y nginx-light).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/http/server.js';
import { DEMO_PASSWORD } from '../src/demo/demo-county.js';
import { useTestDatabase } from './harness.js';

const NGINX = '/usr/sbin/nginx';
const hasNginx = existsSync(NGINX);
const example = join(import.meta.dirname, '../../../deploy/nginx.conf');
const HOST = 'fazhi.example.gov.cn';

const t = useTestDatabase();
const dir = mkdtempSync(join(tmpdir(), 'fazhi-nginx-'));
let app: Awaited<ReturnType<typeof createServer>>;
let nginx: ChildProcess | undefined;
let httpsPort = 0;
let httpPort = 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** deploy/nginx.conf with this test's ports and certificate; each replacement must apply. */
function site(apiPort: number): string {
  let conf = readFileSync(example, 'utf8');
  const replace = (from: string, to: string) => {
    if (!conf.includes(from)) throw new Error(`deploy/nginx.conf no longer contains "${from}"`);
    conf = conf.split(from).join(to);
  };
  replace('server 127.0.0.1:3000;', `server 127.0.0.1:${apiPort};`);
  replace('listen 80;', `listen 127.0.0.1:${httpPort};`);
  replace('listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`);
  replace('/etc/ssl/fazhi/fullchain.pem', join(dir, 'cert.pem'));
  replace('/etc/ssl/fazhi/privkey.pem', join(dir, 'key.pem'));
  // no IPv6 in every test machine
  return conf
    .split('\n')
    .filter((line) => !line.includes('[::]'))
    .join('\n');
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
  secure = true,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(
      {
        host: '127.0.0.1',
        port: secure ? httpsPort : httpPort,
        path,
        method: options.method ?? 'GET',
        headers: { host: HOST, ...options.headers },
        rejectUnauthorized: false,
        servername: HOST,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe.skipIf(!hasNginx)(
  `nginx in front of the API (${hasNginx ? NGINX : 'skipped: /usr/sbin/nginx is not installed'})`,
  () => {
    beforeAll(async () => {
      const cert = spawnSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '1',
          '-subj',
          `/CN=${HOST}`,
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
        ],
        { encoding: 'utf8' },
      );
      if (cert.status !== 0) throw new Error(`openssl failed: ${cert.stderr}`);

      app = await createServer({
        database: t.database,
        dataDir: dir,
        logLevel: 'silent',
        trustProxy: true,
      });
      // what the API made of the request, as a route handler sees it
      app.get('/test/echo', async (req) => ({
        ip: req.ip,
        protocol: req.protocol,
        host: req.headers.host,
        forwardedFor: req.headers['x-forwarded-for'],
        forwardedProto: req.headers['x-forwarded-proto'],
      }));
      await app.listen({ port: 0, host: '127.0.0.1' });
      const apiPort = (app.server.address() as { port: number }).port;

      httpsPort = await freePort();
      httpPort = await freePort();
      writeFileSync(join(dir, 'site.conf'), site(apiPort));
      const temp = ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
        .map((name) => `  ${name === 'body' ? 'client_body' : name}_temp_path ${join(dir, name)};`)
        .join('\n');
      writeFileSync(
        join(dir, 'nginx.conf'),
        [
          // workers as root only when the test runs as root (the temp dir is private)
          process.getuid?.() === 0 ? 'user root;' : '',
          'daemon off;',
          'worker_processes 1;',
          `pid ${join(dir, 'nginx.pid')};`,
          `error_log ${join(dir, 'error.log')} warn;`,
          'events { worker_connections 64; }',
          'http {',
          '  access_log off;',
          temp,
          `  include ${join(dir, 'site.conf')};`,
          '}',
          '',
        ].join('\n'),
      );
      const check = spawnSync(
        NGINX,
        ['-t', '-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')],
        {
          encoding: 'utf8',
        },
      );
      if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);
      nginx = spawn(
        NGINX,
        ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')],
        {
          stdio: 'ignore',
        },
      );
      for (let i = 0; i < 100; i++) {
        try {
          await request('/healthz');
          return;
        } catch {
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      throw new Error(`nginx did not start:\n${readFileSync(join(dir, 'error.log'), 'utf8')}`);
    });

    afterAll(async () => {
      if (nginx?.exitCode === null) {
        const exited = new Promise((r) => nginx!.once('exit', r));
        nginx.kill('SIGTERM');
        await exited;
      }
      await app?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('serves /healthz over HTTPS with HSTS', async () => {
      const res = await request('/healthz');
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toMatchObject({ status: 'ok' });
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    });

    it('forwards the client address, https and the host; a client-chosen X-Forwarded-For is replaced', async () => {
      const res = await request('/test/echo', { headers: { 'x-forwarded-for': '203.0.113.9' } });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({
        ip: '127.0.0.1',
        protocol: 'https',
        host: HOST,
        forwardedFor: '127.0.0.1',
        forwardedProto: 'https',
      });
    });

    it('a login through nginx sets a Secure, HttpOnly session cookie', async () => {
      const res = await request('/trpc/auth.login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: `https://${HOST}` },
        body: JSON.stringify({ username: 'county', password: DEMO_PASSWORD }),
      });
      expect(res.status).toBe(200);
      const cookie = [res.headers['set-cookie'] ?? []]
        .flat()
        .find((c) => c.startsWith('fazhi_session='));
      expect(cookie).toBeDefined();
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/;\s*HttpOnly/i);
    });

    it('plain http is redirected to https', async () => {
      const res = await request('/login?x=1', {}, false);
      expect(res.status).toBe(301);
      expect(res.headers.location).toBe(`https://${HOST}/login?x=1`);
    });

    it('a body over the largest upload limit (200 MB) stops at nginx', async () => {
      const status = await new Promise<number>((resolve, reject) => {
        const req = https.request({
          host: '127.0.0.1',
          port: httpsPort,
          path: '/api/divisions/import',
          method: 'POST',
          headers: { host: HOST, 'content-length': String(201 * 1024 * 1024) },
          rejectUnauthorized: false,
          agent: false,
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        });
        req.on('error', reject);
        req.flushHeaders();
      });
      expect(status).toBe(413);
    });
  },
);
