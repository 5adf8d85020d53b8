import { describe, expect, it } from 'vitest';
import { en, zh } from './resources';
import { htmlLang, LANG_STORAGE_KEY, storedLang } from './lang';

/** Every leaf key of a nested table, dotted, with its value. */
function leaves(table: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(table)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of leaves(value as object, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

const zhLeaves = leaves(zh);
const enLeaves = leaves(en);

describe('translation tables', () => {
  it('every Chinese key has an English text', () => {
    const missing = [...zhLeaves.keys()].filter((k) => !enLeaves.has(k));
    expect(missing).toEqual([]);
  });

  it('every English key has a Chinese text', () => {
    const extra = [...enLeaves.keys()].filter((k) => !zhLeaves.has(k));
    expect(extra).toEqual([]);
  });

  it('no text is empty', () => {
    for (const [key, value] of [...zhLeaves, ...enLeaves]) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
  });

  it('both languages use the same interpolation variables', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of zhLeaves) {
      expect(vars(enLeaves.get(key) as string), key).toEqual(vars(value as string));
    }
  });

  it('no key contains a dot or a colon (i18next separators)', () => {
    for (const key of zhLeaves.keys()) {
      for (const part of key.split('.')) expect(part, key).not.toMatch(/[.:]/);
    }
  });

  it.each([
    ['system_admin'],
    ['county_admin'],
    ['township_officer'],
    ['inspector'],
    ['village_clerk'],
  ])('the role %s has a label', (role) => {
    expect(zhLeaves.get(`roles.${role}`)).toBeTruthy();
    expect(enLeaves.get(`roles.${role}`)).toBeTruthy();
  });

  it('holds no names of audit actions: the audit log brings them, in both languages, from the API', () => {
    // One list of action names (apps/api/src/services/audit-wording.ts): a second one here fell
    // behind as actions were added.
    const names = [...zhLeaves.keys(), ...enLeaves.keys()].filter((k) =>
      k.startsWith('audit.actions.'),
    );
    expect(names).toEqual([]);
  });
});

describe('storedLang', () => {
  const storage = (value: string | null) => ({ getItem: () => value });

  it('is Chinese when nothing is stored', () => {
    expect(storedLang(storage(null))).toBe('zh');
    expect(storedLang(undefined)).toBe('zh');
  });

  it('is English when English was chosen', () => {
    expect(storedLang(storage('en'))).toBe('en');
  });

  it('falls back to Chinese on an unknown value or a failing storage', () => {
    expect(storedLang(storage('fr'))).toBe('zh');
    const failing = {
      getItem: () => {
        throw new Error('denied');
      },
    };
    expect(storedLang(failing)).toBe('zh');
  });

  it('reads the documented key', () => {
    expect(LANG_STORAGE_KEY).toBe('fazhi.lang');
    expect(htmlLang('zh')).toBe('zh-CN');
    expect(htmlLang('en')).toBe('en');
  });
});
