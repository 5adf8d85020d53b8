import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'fazhi_session';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are stored by the SHA-256 of their token. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
