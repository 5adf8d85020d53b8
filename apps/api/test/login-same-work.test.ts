// An unknown username costs the same work as a real one: one argon2 verification per attempt
// that is checked, none once a limit holds it (for both alike).
import { describe, expect, it, vi } from 'vitest';
import * as password from '../src/auth/password.js';
import { useTestDatabase } from './harness.js';

vi.mock('../src/auth/password.js', async (importOriginal) => {
  const original = await importOriginal<typeof password>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const t = useTestDatabase();

describe('login work', () => {
  it('verifies a password hash exactly as often for an unknown username as for a real one', async () => {
    const verify = vi.mocked(password.verifyPassword);
    const verificationsFor = async (username: string) => {
      verify.mockClear();
      for (let i = 0; i < 7; i++) {
        await t
          .anonymous()
          .auth.login({ username, password: 'Wrong2026' })
          .catch(() => undefined);
      }
      return verify.mock.calls.length;
    };
    const real = await verificationsFor('township');
    const unknown = await verificationsFor('no-such-user');
    expect(real).toBe(5);
    expect(unknown).toBe(real);
  });
});
