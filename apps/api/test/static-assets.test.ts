import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/http/server.js';
import { useTestDatabase } from './harness.js';

// a built SPA as `vite build` leaves it: hashed assets with their .br/.gz beside them
const t = useTestDatabase({ seed: false });
let app: Awaited<ReturnType<typeof createServer>>;
const staticDir = mkdtempSync(join(tmpdir(), 'fazhi-assets-'));
const script = `console.log(${JSON.stringify('法治'.repeat(500))});`;
const html =
  '<!doctype html><title>法治</title><script type="module" src="/assets/index-AbC123.js"></script>';

beforeAll(async () => {
  mkdirSync(join(staticDir, 'assets'));
  for (const [path, text] of [
    ['index.html', html],
    ['assets/index-AbC123.js', script],
  ] as const) {
    writeFileSync(join(staticDir, path), text);
    writeFileSync(join(staticDir, `${path}.br`), brotliCompressSync(text));
    writeFileSync(join(staticDir, `${path}.gz`), gzipSync(text));
  }
  writeFileSync(join(staticDir, 'assets', 'plain-XyZ789.css'), 'body{margin:0}');
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

describe('static files', () => {
  it('serves hashed assets brotli-compressed, cached for a year as immutable', async () => {
    const res = await app.inject({
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('serves gzip to a client without brotli, and plain bytes to one without either', async () => {
    const gz = await app.inject({
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await app.inject({
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('serves an asset without compressed copies as it is', async () => {
    const res = await app.inject({
      url: '/assets/plain-XyZ789.css',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe('body{margin:0}');
  });

  it('makes browsers revalidate the page itself, at / and at a client route', async () => {
    for (const url of ['/', '/campaigns/123']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      const body =
        res.headers['content-encoding'] === 'br'
          ? brotliDecompressSync(res.rawPayload).toString()
          : res.body;
      expect(body).toBe(html);
    }
  });

  it('answers 404 for a missing hashed asset instead of the page', async () => {
    const res = await app.inject('/assets/index-Old000.js');
    expect(res.statusCode).toBe(404);
  });
});
