// Text the database cannot hold is refused (NUL in any input) or cleaned (upload file names).
import { describe, expect, it } from 'vitest';
import { headerFileName } from '../src/http/replies.js';
import { nulCharacterPath } from '../src/trpc/nul-characters.js';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';

const t = useTestDatabase();

describe('nulCharacterPath', () => {
  it('finds the first string or key holding U+0000, with its dotted path', () => {
    expect(nulCharacterPath({ a: 'ok', b: ['x', 'y\u0000'] })).toBe('b.1');
    expect(nulCharacterPath({ data: { items: { 'A1\u0000': true } } })).toBe('data.items.A1\u0000');
    expect(nulCharacterPath('\u0000')).toBe('');
    expect(nulCharacterPath({ a: 'ok', n: 1, z: null, list: [] })).toBeNull();
    expect(nulCharacterPath(undefined)).toBeNull();
  });
});

describe('NUL in a procedure input', () => {
  it('is a field error in both languages, and nothing is written', async () => {
    const county = await t.as('county');
    const before = (await county.users.list({})).total;
    const error = await expectError(
      county.users.create({
        username: 'nul_user',
        displayName: '文书\u0000',
        password: 'Clerk2026',
        role: 'village_clerk',
        scopeCode: '330728101201',
      }),
      'BAD_REQUEST',
      'INVALID_INPUT',
    );
    expect(error.fieldErrors).toEqual([
      {
        path: 'displayName',
        message: { zh: expect.stringContaining('空字符'), en: expect.stringContaining('NUL') },
      },
    ]);
    expect((await county.users.list({})).total).toBe(before);
  });

  it('is refused before login too', async () => {
    await expectError(
      t.anonymous().auth.login({ username: 'county\u0000', password: 'x' }),
      'BAD_REQUEST',
      'INVALID_INPUT',
    );
  });
});

describe('headerFileName', () => {
  it('decodes the name and drops control characters', () => {
    expect(headerFileName(encodeURIComponent('村务公开栏.jpg'), 200)).toBe('村务公开栏.jpg');
    expect(headerFileName('%00bad%0A%7Fname.png', 200)).toBe('badname.png');
  });

  it('cuts long names and gives up on absent, empty or malformed ones', () => {
    expect(headerFileName('a'.repeat(300), 200)).toHaveLength(200);
    expect(headerFileName(undefined, 200)).toBeUndefined();
    expect(headerFileName('%00%01', 200)).toBeUndefined();
    expect(headerFileName('%E4%', 200)).toBeUndefined();
  });
});
