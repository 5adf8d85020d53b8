// Decodes an uploaded text file (a CSV) from its bytes. Excel on Chinese Windows saves CSV as
// GBK, elsewhere files are UTF-8 (with or without BOM); a few tools write UTF-16 with a BOM.
// The bytes are tried as strict UTF-8 first (a GBK file with Chinese text is practically never
// valid UTF-8), then as GB18030 (a superset of GBK and GB2312); text that neither gives
// plausibly is refused, so that mojibake is never imported.
import type { LocalizedText } from '@fazhi/domain';
import { fail } from '../errors/app-error.js';

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export type DecodedText =
  | { ok: true; text: string; encoding: TextEncodingName }
  | { ok: false; message: LocalizedText };

const undecodable: LocalizedText = {
  zh: '无法识别文件的字符编码：请另存为“CSV UTF-8（逗号分隔）”或GBK编码的CSV文件后重新导入',
  en: 'The file’s character encoding is not recognised: save it as “CSV UTF-8 (comma delimited)” or as a GBK CSV file and import it again',
};

/**
 * Characters a GBK/GB18030 text file plausibly holds outside ASCII: CJK ideographs, CJK and
 * fullwidth punctuation, general punctuation, Latin-1 letters and signs, Greek/Cyrillic, and
 * the box/number forms GBK has. Random binary decoded as GB18030 mostly falls elsewhere
 * (private use area, Hangul, rare scripts) or contains control characters.
 */
function isPlausibleNonAscii(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK unified ideographs
    (cp >= 0x3400 && cp <= 0x4dbf) || // extension A
    (cp >= 0x3000 && cp <= 0x303f) || // CJK symbols and punctuation
    (cp >= 0xff00 && cp <= 0xffef) || // fullwidth forms
    (cp >= 0x2000 && cp <= 0x206f) || // general punctuation
    (cp >= 0x00a0 && cp <= 0x00ff) || // Latin-1 supplement
    (cp >= 0x0391 && cp <= 0x03c9) || // Greek
    (cp >= 0x0401 && cp <= 0x0451) || // Cyrillic
    (cp >= 0x2100 && cp <= 0x22ff) || // letterlike, number forms, arrows, maths
    (cp >= 0x2460 && cp <= 0x24ff) || // enclosed numbers ①
    (cp >= 0x2500 && cp <= 0x25ff) || // box drawing, shapes
    (cp >= 0x3200 && cp <= 0x33ff) || // enclosed CJK, compatibility ㈠ ㎡
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0x20000 && cp <= 0x3134f) // extensions B–G (GB18030 four-byte)
  );
}

/** No control characters but tab, CR, LF; at least 95% of the non-ASCII characters plausible. */
function looksLikeText(text: string): boolean {
  let nonAscii = 0;
  let implausible = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) return false;
    if (cp === 0x7f || (cp >= 0x80 && cp <= 0x9f) || cp === 0xfffd) return false;
    if (cp < 0x80) continue;
    nonAscii += 1;
    if (!isPlausibleNonAscii(cp)) implausible += 1;
  }
  return implausible <= nonAscii * 0.05;
}

function strict(encoding: TextEncodingName, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: false (the default) drops a leading BOM of the encoding
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes a text file's bytes: UTF-8 (BOM or not), UTF-16 with a BOM, or GBK/GB18030. */
export function decodeTextFile(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = strict('utf-16le', bytes);
    return text !== null && looksLikeText(text)
      ? { ok: true, text, encoding: 'utf-16le' }
      : { ok: false, message: undecodable };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = strict('utf-16be', bytes);
    return text !== null && looksLikeText(text)
      ? { ok: true, text, encoding: 'utf-16be' }
      : { ok: false, message: undecodable };
  }
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8' };
  const gb = strict('gb18030', bytes);
  if (gb !== null && looksLikeText(gb)) return { ok: true, text: gb, encoding: 'gb18030' };
  return { ok: false, message: undecodable };
}

/** As decodeTextFile, refusing undecodable bytes with problem code `FILE_ENCODING` (400). */
export function decodeTextFileOrFail(bytes: Uint8Array, path = 'file'): string {
  const decoded = decodeTextFile(bytes);
  if (!decoded.ok) {
    fail('FILE_ENCODING', undefined, decoded.message, [{ path, message: decoded.message }]);
  }
  return decoded.text;
}
