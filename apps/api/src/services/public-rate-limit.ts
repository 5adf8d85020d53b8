// A limit on requests to the public pages (no login): at most `limit` requests per client
// address per minute, counted in the database (table public_request_counters), so every API
// process shares one count, by one atomic statement per request.
import { lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { publicRequestCounters } from '../db/schema.js';

/** Counts one request; false once the address has used up its minute's requests. */
export async function allowPublicRequest(db: Db, address: string, limit: number): Promise<boolean> {
  if (limit <= 0) return true;
  const key = `public:${address}`;
  const rows = await db.execute<{ hits: number }>(sql`
    insert into public_request_counters as c (key, window_start, hits)
    values (${key}, now(), 1)
    on conflict (key) do update set
      hits = case when c.window_start <= now() - interval '1 minute' then 1 else c.hits + 1 end,
      window_start = case when c.window_start <= now() - interval '1 minute' then now() else c.window_start end
    returning hits`);
  const list = Array.isArray(rows) ? rows : (rows as { rows: { hits: number }[] }).rows;
  return Number(list[0]?.hits ?? 0) <= limit;
}

/** Forgets counters older than an hour (housekeeping). */
export async function purgePublicRequestCounters(db: Db): Promise<void> {
  await db
    .delete(publicRequestCounters)
    .where(lt(publicRequestCounters.windowStart, sql`now() - interval '1 hour'`));
}
