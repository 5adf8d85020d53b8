// The rules behind DATABASE_UNAVAILABLE, without a database: which errors mean the database is
// gone, and when the watchdog gives a query up. Error logs lose the values of a query.
import { describe, expect, it } from 'vitest';
import {
  answersWithin,
  createWatchdog,
  DatabaseUnavailableError,
  isDatabaseUnavailable,
} from '../src/db/availability.js';
import { safeError, withoutParameters } from '../src/http/log-serializers.js';

const never = () => new Promise<never>(() => {});
const after = <T>(ms: number, value: T) =>
  new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
const coded = (code: string) => Object.assign(new Error(code), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['ECONNREFUSED', true],
    ['CONNECT_TIMEOUT', true],
    ['CONNECTION_CLOSED', true],
    ['08006', true],
    ['57P01', true],
    ['53300', true],
    ['57014', true],
    ['23505', false], // unique violation: the database answered
    ['40001', false],
    ['INTERNAL_SERVER_ERROR', false],
  ])('an error with code %s: %s', (code, expected) => {
    expect(isDatabaseUnavailable(coded(code))).toBe(expected);
    // as the cause of drizzle's query error, inside a TRPCError
    const wrapped = new Error('outer', {
      cause: new Error('Failed query', { cause: coded(code) }),
    });
    expect(isDatabaseUnavailable(wrapped)).toBe(expected);
  });

  it('the watchdog error, but not a plain error or a non-error', () => {
    expect(isDatabaseUnavailable(new DatabaseUnavailableError('no answer'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable({ code: 'ECONNREFUSED' })).toBe(false);
  });
});

describe('createWatchdog', () => {
  it('gives a query up when it waits and the probe gets no answer', async () => {
    let probes = 0;
    const watchdog = createWatchdog({
      unresponsiveMs: 50,
      probeMs: 50,
      probe: () => {
        probes++;
        return never();
      },
    });
    const started = Date.now();
    await expect(watchdog.watch(never())).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(probes).toBe(1);
  });

  it('keeps waiting for a slow query while the probe answers', async () => {
    let probes = 0;
    const watchdog = createWatchdog({
      unresponsiveMs: 30,
      probeMs: 50,
      probe: () => {
        probes++;
        return Promise.resolve();
      },
    });
    await expect(watchdog.watch(after(200, 'rows'))).resolves.toBe('rows');
    expect(probes).toBeGreaterThanOrEqual(2);
  });

  it('queries waiting at the same moment share one probe', async () => {
    let probes = 0;
    const watchdog = createWatchdog({
      unresponsiveMs: 30,
      probeMs: 50,
      probe: () => {
        probes++;
        return never();
      },
    });
    const results = await Promise.allSettled([1, 2, 3].map(() => watchdog.watch(never())));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(probes).toBe(1);
  });

  it('passes a rejection through as it came, non-Error values included', async () => {
    const watchdog = createWatchdog({ unresponsiveMs: 1000, probeMs: 50, probe: never });
    const marker = { rollback: true };
    await expect(watchdog.watch(Promise.reject(marker))).rejects.toBe(marker);
    const error = coded('23505');
    await expect(watchdog.watch(Promise.reject(error))).rejects.toBe(error);
  });

  it('answersWithin: true when the work settles in time, false when late or failed', async () => {
    expect(await answersWithin(after(5, 1), 200)).toBe(true);
    expect(await answersWithin(after(200, 1), 20)).toBe(false);
    expect(await answersWithin(Promise.reject(new Error('x')), 200)).toBe(false);
  });
});

describe('error logs', () => {
  it('drop the parameters drizzle appends and the values PostgreSQL quotes', () => {
    expect(
      withoutParameters(
        'Failed query: insert into "divisions" values ($1, $2)\nparams: 330728,机密',
      ),
    ).toBe('Failed query: insert into "divisions" values ($1, $2)');
    expect(withoutParameters('invalid input syntax for type integer: "机密"')).toBe(
      'invalid input syntax for type integer: "…"',
    );
    expect(withoutParameters('duplicate key value violates unique constraint "users_pkey"')).toBe(
      'duplicate key value violates unique constraint "users_pkey"',
    );
  });

  it('keep class, code, message and frames, of the causes too, and nothing else', () => {
    const pg = Object.assign(new Error('duplicate key value'), {
      code: '23505',
      detail: 'Key (username)=(机密) already exists.',
      parameters: ['机密'],
      query: 'insert into users values ($1)',
    });
    const drizzle = new Error('Failed query: insert into users values ($1)\nparams: 机密', {
      cause: pg,
    });
    const safe = safeError(drizzle);
    expect(JSON.stringify(safe)).not.toContain('机密');
    expect(safe).toMatchObject({
      type: 'Error',
      message: 'Failed query: insert into users values ($1)',
      cause: { type: 'Error', code: '23505', message: 'duplicate key value' },
    });
    expect(safe.stack).toMatch(/^\s+at /);
  });
});
