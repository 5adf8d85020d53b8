// Periodic upkeep of one server process: expired sessions are deleted and the evidence directory
// is made to agree with the evidence rows (see sweepEvidence). Runs once at start-up, then every
// `intervalMinutes`; stopping waits for a run in progress. Safe with several processes.
import type { Db } from '../db/client.js';
import { sweepEvidence, type SweepResult } from './campaigns/evidence.js';
import { purgeExpiredSessions } from './sessions.js';
import { purgePublicRequestCounters } from './public-rate-limit.js';

export interface HousekeepingResult extends SweepResult {
  sessionsPurged: number;
}

export interface Housekeeping {
  /** One run now (also what the timer does). */
  run(): Promise<HousekeepingResult>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

export function startHousekeeping(opts: {
  db: Db;
  dataDir: string;
  /** Minutes between runs (default 10); 0 runs only once, at start-up. */
  intervalMinutes?: number;
  /** Age after which a `.part` file without a row is an abandoned upload (default 60). */
  partMinutes?: number;
  onError?: (error: unknown) => void;
}): Housekeeping {
  let current: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const once = async (): Promise<HousekeepingResult> => {
    const sessionsPurged = await purgeExpiredSessions(opts.db);
    await purgePublicRequestCounters(opts.db);
    const swept = await sweepEvidence({
      db: opts.db,
      dataDir: opts.dataDir,
      ...(opts.partMinutes !== undefined ? { partMinutes: opts.partMinutes } : {}),
    });
    return { sessionsPurged, ...swept };
  };
  const run = () => {
    const next = current.then(once);
    current = next.catch(() => {});
    return next;
  };
  const background = () => {
    if (stopped) return;
    run().catch((error: unknown) => opts.onError?.(error));
  };
  background();
  const minutes = opts.intervalMinutes ?? 10;
  const timer = minutes > 0 ? setInterval(background, minutes * 60_000) : undefined;
  timer?.unref();
  return {
    run,
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      await current;
    },
  };
}
