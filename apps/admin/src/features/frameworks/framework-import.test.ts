import { describe, expect, it } from 'vitest';
import { builtinFrameworks } from '@fazhi/domain';
import {
  canImportFrameworks,
  checkFrameworkText,
  importRefusal,
  itemCount,
} from './framework-import';

const builtin = builtinFrameworks.find((f) => f.code === 'demo-county-2026')!;

describe('checkFrameworkText', () => {
  it('is empty for blank text', () => {
    expect(checkFrameworkText('  \n')).toEqual({ kind: 'empty' });
  });

  it('reports text that is not JSON', () => {
    const check = checkFrameworkText('{ "code": ');
    expect(check.kind).toBe('notJson');
  });

  it('keeps only the line of a JSON error, never the browser’s English text', () => {
    const check = checkFrameworkText('{\n  "code": "x",\n  "name": ]\n}');
    expect(check).toEqual({ kind: 'notJson', line: 3 });
  });

  it('accepts a built-in framework', () => {
    const check = checkFrameworkText(JSON.stringify({ ...builtin, version: '9.9.9' }));
    expect(check.kind).toBe('valid');
    if (check.kind !== 'valid') return;
    expect(check.framework.version).toBe('9.9.9');
    expect(itemCount(check.framework)).toBe(itemCount(builtin));
  });

  it('lists every problem with its path and both languages', () => {
    const [first, ...rest] = builtin.areas;
    const broken = {
      ...builtin,
      version: '',
      totalPoints: 'hundred',
      areas: [
        {
          ...first!,
          items: first!.items.map((item, j) => (j === 0 ? { ...item, method: 'guess' } : item)),
        },
        ...rest,
      ],
    };
    const check = checkFrameworkText(JSON.stringify(broken));
    expect(check.kind).toBe('invalid');
    if (check.kind !== 'invalid') return;
    expect(check.problems.map((p) => p.path)).toEqual([
      'version',
      'totalPoints',
      'areas[0].items[0].method',
    ]);
    for (const p of check.problems) {
      expect(p.message.zh).not.toBe('');
      expect(p.message.en).not.toBe('');
    }
  });

  it('names the whole document with an empty path', () => {
    const check = checkFrameworkText('[1, 2]');
    expect(check.kind).toBe('invalid');
    if (check.kind === 'invalid') expect(check.problems[0]!.path).toBe('');
  });
});

describe('importRefusal', () => {
  const message = { zh: '错误', en: 'Wrong' };

  it('reads the problems of FRAMEWORK_INVALID once each', () => {
    const error = {
      data: {
        code: 'BAD_REQUEST',
        problemCode: 'FRAMEWORK_INVALID',
        messages: { zh: '指标体系有2处错误', en: 'The framework has 2 problems' },
        fieldErrors: [
          { path: '(root)', message },
          { path: 'areas[0].points', message },
        ],
        details: {
          problems: [
            { code: 'NOT_AN_OBJECT', path: '', message },
            { code: 'X', path: 'areas[0].points', message },
          ],
        },
      },
    };
    expect(importRefusal(error)).toEqual({
      versionExists: false,
      problems: [
        { path: '', message },
        { path: 'areas[0].points', message },
      ],
    });
  });

  it('tells a version conflict apart', () => {
    const error = {
      data: {
        code: 'CONFLICT',
        problemCode: 'FRAMEWORK_VERSION_EXISTS',
        messages: message,
        fieldErrors: [{ path: 'version', message }],
      },
    };
    expect(importRefusal(error)).toEqual({ versionExists: true, problems: [] });
  });

  it('lists the field errors of other refusals', () => {
    const error = {
      data: {
        code: 'BAD_REQUEST',
        problemCode: 'VALIDATION_FAILED',
        messages: message,
        fieldErrors: [{ path: 'definition', message }],
      },
    };
    expect(importRefusal(error).problems).toEqual([{ path: 'definition', message }]);
    expect(importRefusal(new TypeError('offline'))).toEqual({
      versionExists: false,
      problems: [],
    });
  });
});

describe('canImportFrameworks', () => {
  it('is for system and county administrators only', () => {
    expect(canImportFrameworks('system_admin')).toBe(true);
    expect(canImportFrameworks('county_admin')).toBe(true);
    expect(canImportFrameworks('township_officer')).toBe(false);
    expect(canImportFrameworks('inspector')).toBe(false);
    expect(canImportFrameworks('village_clerk')).toBe(false);
  });
});
