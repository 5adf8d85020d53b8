// An unknown username costs the same work as a real one: one argon2 verification per attempt
// that is checked, none once a limit holds it (for both alike).
import { describe, expect, it } from 'vitest';
import { passwordWork } from '../src/auth/password.js';
import { useTestDatabase } from './harness.js';

const t = useTestDatabase();

describe('login work', () => {
  it('verifies a password hash exactly as often for an unknown username as for a real one', async () => {
    const verificationsFor = async (username: string) => {
      const before = passwordWork.verifications;
      for (let i = 0; i < 7; i++) {
        await t
          .anonymous()
          .auth.login({ username, password: 'Wrong2026' })
          .catch(() => undefined);
      }
      return passwordWork.verifications - before;
    };
    const real = await verificationsFor('township');
    const unknown = await verificationsFor('no-such-user');
    expect(real).toBe(5);
    expect(unknown).toBe(real);
  });
});
