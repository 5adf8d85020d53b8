// Failed logins per client address: after `failures` failed attempts from one address within
// `minutes`, that address may not try again until the window ends. This stops guessing one
// password across many accounts (the per-account lock stops guessing many passwords for one).
// Only failures count, so an office whose users share one address is not held up by its logins.
import { RateLimiterMemory } from 'rate-limiter-flexible';

export interface LoginThrottleOptions {
  /** Failed attempts allowed per address in the window; 0 turns the throttle off. */
  failures: number;
  minutes: number;
}

export interface LoginThrottle {
  readonly minutes: number;
  /** Seconds until the address may try again, or null when it may try now. */
  blockedFor(address: string): Promise<number | null>;
  recordFailure(address: string): Promise<void>;
}

export function createLoginThrottle(opts: LoginThrottleOptions): LoginThrottle | null {
  if (opts.failures <= 0) return null;
  const limiter = new RateLimiterMemory({
    keyPrefix: 'login',
    points: opts.failures,
    duration: opts.minutes * 60,
  });
  return {
    minutes: opts.minutes,
    async blockedFor(address) {
      const state = await limiter.get(address);
      if (!state || state.consumedPoints < opts.failures) return null;
      return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
    },
    async recordFailure(address) {
      // a rejection only says the address is over its allowance, which blockedFor reports
      await limiter.consume(address).catch(() => undefined);
    },
  };
}
