// Bilingual validation messages. Every zod issue's message is a packed { zh, en } pair, so the
// error formatter can hand the client both languages for each field.
import { z } from 'zod';
import type { LocalizedText } from '@fazhi/domain';

/** Packs a bilingual message into a zod message string. */
export function bi(zh: string, en: string): string {
  return JSON.stringify({ zh, en });
}

/** Unpacks a message produced by `bi` (or returns the plain text in both languages). */
export function unpack(message: string): LocalizedText {
  if (message.startsWith('{')) {
    try {
      const parsed = JSON.parse(message) as Partial<LocalizedText>;
      if (typeof parsed.zh === 'string' && typeof parsed.en === 'string') {
        return { zh: parsed.zh, en: parsed.en };
      }
    } catch {
      // not packed
    }
  }
  return { zh: message, en: message };
}

type Issue = Parameters<NonNullable<ReturnType<typeof z.locales.en>['localeError']>>[0];

const zhLocale = z.locales.zhCN().localeError!;
const enLocale = z.locales.en().localeError!;

function text(result: ReturnType<typeof zhLocale>): string {
  if (typeof result === 'string') return result;
  return result?.message ?? '';
}

/** What a value should be, in words (zod's own Chinese names the type: 期望 string). */
const typeWords: Record<string, LocalizedText> = {
  string: { zh: '文字', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  boolean: { zh: '“是”或“否”', en: 'yes or no' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '一组数据', en: 'a group of values' },
  date: { zh: '日期', en: 'a date' },
};

function friendly(issue: Issue): LocalizedText | undefined {
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return { zh: '此项为必填项', en: 'This field is required' };
  }
  if (issue.code === 'invalid_type') {
    const expected = typeWords[String(issue.expected)];
    if (expected) return { zh: `应为${expected.zh}`, en: `Must be ${expected.en}` };
    return { zh: '格式不对', en: 'Wrong format' };
  }
  if (
    issue.code === 'invalid_union' ||
    issue.code === 'invalid_key' ||
    issue.code === 'invalid_element'
  ) {
    return { zh: '格式不对', en: 'Wrong format' };
  }
  if (issue.code === 'invalid_format') {
    return issue.format === 'uuid'
      ? { zh: '编号无效', en: 'Invalid id' }
      : { zh: '格式不对', en: 'Wrong format' };
  }
  if (issue.code === 'unrecognized_keys') {
    return { zh: '含有系统不认识的项', en: 'Holds fields the system does not know' };
  }
  if (issue.code === 'too_small' && issue.origin === 'string') {
    const min = Number(issue.minimum);
    return min <= 1
      ? { zh: '不能为空', en: 'Must not be empty' }
      : { zh: `至少${min}个字符`, en: `Must be at least ${min} characters` };
  }
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return {
      zh: `最多${Number(issue.maximum)}个字符`,
      en: `Must be at most ${Number(issue.maximum)} characters`,
    };
  }
  if (issue.code === 'too_small' && issue.origin === 'number') {
    return {
      zh: `不能小于${Number(issue.minimum)}`,
      en: `Must be at least ${Number(issue.minimum)}`,
    };
  }
  if (issue.code === 'too_big' && issue.origin === 'number') {
    return {
      zh: `不能大于${Number(issue.maximum)}`,
      en: `Must be at most ${Number(issue.maximum)}`,
    };
  }
  if (issue.code === 'invalid_value') {
    return { zh: '不是允许的取值', en: 'Not an allowed value' };
  }
  return undefined;
}

let installed = false;
/** Installs the bilingual error map once per process. */
export function installZodMessages(): void {
  if (installed) return;
  installed = true;
  z.config({
    customError: (issue) => {
      const nice = friendly(issue as Issue);
      if (nice) return bi(nice.zh, nice.en);
      return bi(text(zhLocale(issue as Issue)), text(enLocale(issue as Issue)));
    },
  });
}
installZodMessages();
