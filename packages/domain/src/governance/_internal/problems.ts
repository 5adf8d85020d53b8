import type { LocalizedText } from '../../localized-text.js';
import type { Citation, Problem, ProblemCode } from '../problem.js';
import { parseDate } from './dates.js';
import { fieldWord } from '../../field-words.js';

/** Build a problem, leaving out absent optional keys. */
export function problem(
  code: ProblemCode,
  severity: 'error' | 'warning',
  message: LocalizedText,
  extra: { citation?: Citation | undefined; field?: string | undefined } = {},
): Problem {
  return {
    code,
    severity,
    message,
    ...(extra.citation ? { citation: extra.citation } : {}),
    ...(extra.field !== undefined ? { field: extra.field } : {}),
  };
}

/** An `INVALID_INPUT` error for `field`. */
export function invalidInput(field: string, reason: LocalizedText): Problem {
  return problem(
    'INVALID_INPUT',
    'error',
    {
      zh: `输入无效（${fieldWord(field).zh}）：${reason.zh}`,
      en: `Invalid input (${fieldWord(field).en}): ${reason.en}`,
    },
    { field },
  );
}

/** Re-home nested problems under `prefix` (e.g. `steps[3].meeting`). */
export function prefixFields(problems: readonly Problem[], prefix: string): Problem[] {
  return problems.map((p) => ({
    ...p,
    field: p.field === undefined ? prefix : `${prefix}.${p.field}`,
  }));
}

/** Whether any problem is an error. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Collects `INVALID_INPUT` problems while reading untrusted input. */
export class InputChecker {
  readonly problems: Problem[] = [];

  fail(field: string, reason: LocalizedText): void {
    this.problems.push(invalidInput(field, reason));
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  /** A non-negative integer (or at least `min`). */
  count(field: string, value: unknown, min = 0): value is number {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
      this.fail(
        field,
        min === 0
          ? { zh: '应为非负整数', en: 'must be a non-negative integer' }
          : { zh: `应为不小于 ${min} 的整数`, en: `must be an integer of at least ${min}` },
      );
      return false;
    }
    return true;
  }

  /** An optional non-negative integer. */
  optionalCount(field: string, value: unknown): boolean {
    return value === undefined || this.count(field, value);
  }

  /** A strict ISO date; returns its day number. */
  date(field: string, value: unknown): number | undefined {
    const day = parseDate(value);
    if (day === undefined) {
      this.fail(field, {
        zh: '应为有效的 YYYY-MM-DD 日期',
        en: 'must be a valid YYYY-MM-DD date',
      });
    }
    return day;
  }

  /** An optional strict ISO date. */
  optionalDate(field: string, value: unknown): number | undefined {
    return value === undefined ? undefined : this.date(field, value);
  }

  /** One of the allowed strings. */
  oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): value is T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.fail(field, {
        zh: `应为 ${allowed.join(' / ')} 之一`,
        en: `must be one of ${allowed.join(', ')}`,
      });
      return false;
    }
    return true;
  }

  boolean(field: string, value: unknown): value is boolean {
    if (typeof value !== 'boolean') {
      this.fail(field, { zh: '应为布尔值', en: 'must be true or false' });
      return false;
    }
    return true;
  }

  array(field: string, value: unknown): value is readonly unknown[] {
    if (!Array.isArray(value)) {
      this.fail(field, { zh: '应为数组', en: 'must be an array' });
      return false;
    }
    return true;
  }

  /** `small` must not exceed `large` (both already validated). */
  notAbove(field: string, small: number, large: number, largeName: string): void {
    if (small > large) {
      this.fail(field, {
        zh: `不能超过${fieldWord(largeName).zh}（${small} > ${large}）`,
        en: `cannot exceed the ${fieldWord(largeName).en} (${small} > ${large})`,
      });
    }
  }
}
