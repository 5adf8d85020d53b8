// Login throttling, shared by every API process through the database (table login_throttles).
//
// Each attempt is counted BEFORE the password is checked, by one atomic statement per counter
// ("reserve"); a correct password gives the attempt back ("refund"). So neither a batch of calls
// nor many parallel requests get one guess more than the limit: the attempt that reaches the
// limit locks the counter at once, and every later one finds it locked.
//
// Counters (keys use the lowercased username as typed, never a user id, so unknown and real
// usernames cause exactly the same writes and answers):
// - pair:    one account from one address (or `device:` one known browser instead);
// - account: one account from all addresses together (a global slow-down);
// - address: one address across all accounts.
// A browser that has signed in to the account before (known-device cookie) is held only by its
// own device counter, so someone else's guessing never locks out a person who knows their
// password. After `limit` failures a counter locks for `firstLockMinutes`, and each further
// failure doubles the lock up to `maxLockMinutes`. A counter is forgotten 24 hours after its
// last failure; a successful login clears the pair or device counter.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { rowsOf } from '../db/rows-of.js';

export interface LoginLimits {
  /** Failures allowed per account from one address, or from one known browser. */
  accountFailures: number;
  /** Failures allowed per account from all addresses together (known browsers exempt); 0: off. */
  accountGlobalFailures: number;
  /** Failures allowed from one address across accounts (known browsers exempt); 0: off. */
  addressFailures: number;
  /** The first lock, in minutes; each further failure doubles it. */
  firstLockMinutes: number;
  /** The longest lock, in minutes. */
  maxLockMinutes: number;
}

export interface LoginPolicy extends LoginLimits {
  /** Production: the demo accounts' shared password never signs in. */
  refuseDemoPassword: boolean;
}

export const defaultLoginPolicy: LoginPolicy = {
  accountFailures: 5,
  accountGlobalFailures: 20,
  addressFailures: 30,
  firstLockMinutes: 1,
  maxLockMinutes: 15,
  refuseDemoPassword: false,
};

/** Hours after its last failure when a counter starts again from zero. */
export const FORGET_HOURS = 24;

export type CounterKind = 'pair' | 'device' | 'account' | 'address';

export interface Counter {
  kind: CounterKind;
  key: string;
  limit: number;
}

/** The counters an attempt is held by. */
export function countersFor(
  limits: LoginLimits,
  attempt: { username: string; address: string | null; deviceHash: string | null },
): Counter[] {
  const name = attempt.username.toLowerCase();
  if (attempt.deviceHash) {
    return [
      {
        kind: 'device',
        key: `device:${attempt.deviceHash}:${name}`,
        limit: limits.accountFailures,
      },
    ];
  }
  const counters: Counter[] = [
    { kind: 'pair', key: `pair:${attempt.address ?? ''}:${name}`, limit: limits.accountFailures },
  ];
  if (limits.accountGlobalFailures > 0) {
    counters.push({ kind: 'account', key: `account:${name}`, limit: limits.accountGlobalFailures });
  }
  if (limits.addressFailures > 0 && attempt.address) {
    counters.push({
      kind: 'address',
      key: `address:${attempt.address}`,
      limit: limits.addressFailures,
    });
  }
  return counters;
}

export interface Reservation {
  counter: Counter;
  failures: number;
  /** The lock this attempt set (it reached the limit), or null. */
  lockedUntil: Date | null;
  /** The same, exactly as the database holds it (to lift only this lock on a refund). */
  lockedUntilText: string | null;
}

/**
 * Counts one attempt on the counter, atomically. Returns the reservation, or the time the
 * counter is locked until when it is locked (then nothing is counted).
 */
export async function reserve(
  db: Db,
  counter: Counter,
  limits: LoginLimits,
): Promise<{ reservation: Reservation } | { lockedUntil: Date }> {
  const limit = Math.max(1, counter.limit);
  const next = sql.raw(
    `(case when t.updated_at < now() - interval '${FORGET_HOURS} hours' then 1 else t.failures + 1 end)`,
  );
  const lockFor = (n: unknown) =>
    sql`(case when ${n} >= ${limit}::int then now() + least(${limits.maxLockMinutes}::float8, ${limits.firstLockMinutes}::float8 * power(2, least(${n} - ${limit}::int, 30))) * interval '1 minute' else null end)`;
  const result = await db.execute(sql`
    insert into login_throttles as t (key, failures, locked_until, updated_at)
    values (${counter.key}, 1, ${lockFor(sql`1`)}, now())
    on conflict (key) do update set
      failures = ${next},
      locked_until = ${lockFor(next)},
      updated_at = now()
    where t.locked_until is null or t.locked_until <= now()
    returning failures, locked_until, locked_until::text as locked_text`);
  const [row] = rowsOf<{
    failures: number;
    locked_until: Date | string | null;
    locked_text: string | null;
  }>(result);
  if (row) {
    return {
      reservation: {
        counter,
        failures: Number(row.failures),
        lockedUntil: row.locked_until === null ? null : new Date(row.locked_until),
        lockedUntilText: row.locked_text,
      },
    };
  }
  const [held] = rowsOf<{ locked_until: Date | string | null }>(
    await db.execute(sql`select locked_until from login_throttles where key = ${counter.key}`),
  );
  const until = held?.locked_until ? new Date(held.locked_until) : new Date(Date.now() + 1000);
  return { lockedUntil: until };
}

/** Gives an attempt back: one failure less, and the lock it set (if still its own) lifted. */
export async function refund(db: Db, reservation: Reservation): Promise<void> {
  await db.execute(sql`
    update login_throttles set
      failures = greatest(failures - 1, 0),
      locked_until = case when locked_until = ${reservation.lockedUntilText}::timestamptz then null else locked_until end
    where key = ${reservation.counter.key}`);
}

/** Forgets a counter (the right person signed in from that address or browser). */
export async function clearCounter(db: Db, counter: Counter): Promise<void> {
  await db.execute(sql`delete from login_throttles where key = ${counter.key}`);
}

export type ReserveOutcome =
  | { ok: true; reservations: Reservation[] }
  | { ok: false; counter: Counter; lockedUntil: Date };

/** Reserves an attempt on every counter; when one is locked, gives back the others. */
export async function reserveAll(
  db: Db,
  counters: Counter[],
  limits: LoginLimits,
): Promise<ReserveOutcome> {
  const reservations: Reservation[] = [];
  for (const counter of counters) {
    const outcome = await reserve(db, counter, limits);
    if ('lockedUntil' in outcome) {
      for (const r of reservations) await refund(db, r);
      return { ok: false, counter, lockedUntil: outcome.lockedUntil };
    }
    reservations.push(outcome.reservation);
  }
  return { ok: true, reservations };
}

/**
 * Counters not touched for FORGET_HOURS and browsers not seen for KNOWN_DEVICE_DAYS are dead
 * weight; any process may drop them.
 */
export async function purgeStaleCounters(db: Db): Promise<void> {
  await db.execute(sql`
    delete from login_throttles
    where updated_at < now() - interval '${sql.raw(String(FORGET_HOURS))} hours'
      and (locked_until is null or locked_until < now())`);
  await db.execute(sql`
    delete from known_devices
    where last_used_at < now() - interval '${sql.raw(String(KNOWN_DEVICE_DAYS))} days'`);
}

/** Forgets every counter of an account (an administrator set it a new password). */
export async function forgetAccount(db: Db, username: string): Promise<void> {
  const name = username.toLowerCase();
  const tail = `:${name}`;
  await db.execute(sql`
    delete from login_throttles
    where key = ${`account:${name}`}
       or ((key like 'pair:%' or key like 'device:%') and right(key, ${tail.length}) = ${tail})`);
}

// --- known browsers ----------------------------------------------------------------------------

export const DEVICE_COOKIE = 'fazhi_device';
/** A browser stays known this many days after its last sign-in. */
export const KNOWN_DEVICE_DAYS = 180;

export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

export function deviceHashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The device hash when the cookie's browser has signed in to this username before, else null. */
export async function knownDeviceFor(
  db: Db,
  token: string | undefined,
  username: string,
): Promise<string | null> {
  if (!token || token.length > 200) return null;
  const hash = deviceHashOf(token);
  const rows = rowsOf<{ token_hash: string }>(
    await db.execute(sql`
      select d.token_hash from known_devices d join users u on u.id = d.user_id
      where d.token_hash = ${hash} and lower(u.username) = ${username.toLowerCase()}
        and d.last_used_at > now() - interval '${sql.raw(String(KNOWN_DEVICE_DAYS))} days'`),
  );
  return rows.length > 0 ? hash : null;
}

/**
 * After a successful sign-in: a fresh device token for the browser, known for this user and
 * for every account the browser's previous (valid) token was known for. Returns the token.
 */
export async function rememberDevice(
  db: Db,
  userId: string,
  previousToken: string | undefined,
): Promise<string> {
  const token = newDeviceToken();
  const hash = deviceHashOf(token);
  if (previousToken && previousToken.length <= 200) {
    await db.execute(
      sql`update known_devices set token_hash = ${hash} where token_hash = ${deviceHashOf(previousToken)}`,
    );
  }
  await db.execute(sql`
    insert into known_devices (token_hash, user_id) values (${hash}, ${userId})
    on conflict (token_hash, user_id) do update set last_used_at = now()`);
  return token;
}
