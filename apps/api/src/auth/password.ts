// Password hashing with argon2id (@node-rs/argon2: maintained, prebuilt, no node-gyp).
import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id minimum: m=19 MiB, t=2, p=1.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/**
 * How many verifications this process has run: each costs the same argon2 work, so the count shows
 * whether two kinds of login attempt cost the same (test/login-same-work.test.ts).
 */
export const passwordWork = { verifications: 0 };

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  passwordWork.verifications += 1;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the user does not exist, so that
 * unknown users and wrong passwords take the same time. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}`);
  return dummyHash;
}
