// Characters PostgreSQL cannot store, refused in every procedure's raw input before anything else
// looks at it, so that the caller gets a field error naming the field instead of a server error:
// - the NUL character (U+0000), which text cannot hold;
// - a lone surrogate (U+D800–U+DFFF not in a pair), which is not a character at all: JSON
//   columns refuse its escape (`\ud800`) and text columns would silently turn it into U+FFFD.

import { fieldWord, type LocalizedText } from '@fazhi/domain';

const MAX_DEPTH = 20;

/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type BadCharacter = 'nul' | 'lone_surrogate';

function badIn(text: string): BadCharacter | null {
  if (text.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'lone_surrogate';
  return null;
}

/**
 * The dotted path of the first string (or key) holding a character that cannot be stored, and
 * which one; null when there is none.
 */
export function badCharacterPath(
  value: unknown,
  path: string[] = [],
  depth = 0,
): { path: string; parts: string[]; kind: BadCharacter } | null {
  if (typeof value === 'string') {
    const kind = badIn(value);
    return kind ? { path: path.join('.'), parts: path, kind } : null;
  }
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  for (const [key, inner] of Object.entries(value)) {
    const at = [...path, key];
    const kind = badIn(key);
    if (kind) return { path: at.join('.'), parts: at, kind };
    const found = badCharacterPath(inner, at, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** The dotted path of the first string (or key) holding U+0000, or null when there is none. */
export function nulCharacterPath(value: unknown): string | null {
  const found = badCharacterPath(value);
  return found?.kind === 'nul' ? found.path : null;
}

const messages: Record<BadCharacter, LocalizedText> = {
  nul: {
    zh: '不能包含空字符（\\0），请删除后重试',
    en: 'must not contain the NUL character (\\0); remove it and try again',
  },
  lone_surrogate: {
    zh: '含有无效字符（不成对的代理项 \\ud800–\\udfff，常见于损坏的复制粘贴文字），请删除后重新输入',
    en: 'contains an invalid character (a lone surrogate \\ud800–\\udfff, often from damaged pasted text); remove it and type it again',
  },
};

/** The first field holding a character that cannot be stored, with what to tell the caller. */
export function unstorableCharacter(
  value: unknown,
): { path: string; message: LocalizedText } | null {
  const found = badCharacterPath(value);
  if (!found) return null;
  // which field (评分说明“A1.1”): one of forty comments is found without searching
  const word = fieldWord(found.parts);
  const message = messages[found.kind];
  return {
    path: found.path,
    message: word.zh ? { zh: `${word.zh}${message.zh}`, en: `${word.en} ${message.en}` } : message,
  };
}
