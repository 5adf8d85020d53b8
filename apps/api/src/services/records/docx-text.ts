// The plain text of a Word document (.docx), for a village rules version whose text the village
// keeps in Word: the paragraphs of `word/document.xml`, one per line. A .docx is a zip container;
// it is first checked against zip-bomb limits (as the Excel imports are), then only the main
// document part is inflated, with a cap on its size. Old binary .doc files, other zip files and
// anything else are a field error on `file` in Chinese and English.
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { fail } from '../../errors/app-error.js';
import type { LocalizedText } from '@fazhi/domain';
import { checkZipLimits, type ZipLimits } from '../zip-limits.js';

/** A rules text is a few pages; a document with pictures stays far below these limits. */
export const DOCX_LIMITS: ZipLimits = {
  maxEntries: 2_000,
  maxUncompressedBytes: 100 * 1024 * 1024,
};

/** The most bytes `word/document.xml` may inflate to (the text itself is capped by the save). */
const MAX_DOCUMENT_XML_BYTES = 30 * 1024 * 1024;

/** The longest text a rules version takes (`villageRules.save`). */
export const MAX_RULES_TEXT = 100_000;

const notDocx: LocalizedText = {
  zh: '只能读取Word文档（.docx）；旧版.doc文件请先在Word中另存为.docx，或直接粘贴文本',
  en: 'Only a Word document (.docx) can be read; save an old .doc file as .docx in Word first, or paste the text',
};

function refuse(
  message: LocalizedText,
  code: 'FILE_TYPE' | 'EMPTY_FILE' | 'FILE_TOO_LARGE',
): never {
  fail(code, undefined, message, [{ path: 'file', message }]);
}

function open(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      bytes,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => (error ? reject(error) : resolve(zip)),
    );
  });
}

/** The inflated `word/document.xml`, or null when the container has none. */
async function documentXml(bytes: Buffer): Promise<string | null> {
  const zip = await open(bytes);
  try {
    return await new Promise<string | null>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve(null));
      zip.on('entry', (entry: Entry) => {
        if (entry.fileName !== 'word/document.xml') return zip.readEntry();
        zip.openReadStream(entry, (error, stream) => {
          if (error) return reject(error);
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_DOCUMENT_XML_BYTES) {
              stream.destroy();
              reject(new Error('too large'));
              return;
            }
            chunks.push(chunk);
          });
          stream.on('error', reject);
          stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return safeCodePoint(parseInt(name.slice(2), 16), whole);
    if (name.startsWith('#')) return safeCodePoint(parseInt(name.slice(1), 10), whole);
    return entities[name] ?? whole;
  });
}

function safeCodePoint(n: number, fallback: string): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : fallback;
}

/**
 * The text of WordprocessingML: the runs' text (`w:t`) in document order, a tab for `w:tab`, a
 * line break for `w:br`/`w:cr` and the end of each paragraph (`w:p`, also inside tables). Deleted
 * text of tracked changes (`w:delText`) and field codes (`w:instrText`) are not text.
 */
export function wordprocessingText(xml: string): string {
  const out: string[] = [];
  const token = /<(\/?)w:(t|p|tab|br|cr)(?=[\s/>])([^>]*)>/g;
  let inText = false;
  let textStart = 0;
  for (let m = token.exec(xml); m; m = token.exec(xml)) {
    const [whole, closing, name, attrs] = m;
    const selfClosing = attrs!.endsWith('/');
    if (name === 't') {
      if (closing) {
        if (inText) out.push(decodeEntities(xml.slice(textStart, m.index)));
        inText = false;
      } else if (!selfClosing) {
        inText = true;
        textStart = m.index + whole.length;
      }
    } else if (name === 'p') {
      if (closing || selfClosing) out.push('\n');
    } else if (!closing) {
      out.push(name === 'tab' ? '\t' : '\n');
    }
  }
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Whether the bytes are a Word document (.docx): a zip within the limits with a main document. */
export async function isDocx(bytes: Buffer): Promise<boolean> {
  if (bytes.length === 0 || !(await checkZipLimits(bytes, DOCX_LIMITS)).ok) return false;
  try {
    return (await documentXml(bytes)) !== null;
  } catch {
    return false;
  }
}

/** The plain text of a .docx file; a field error on `file` when it is not one or has no text. */
export async function docxText(bytes: Buffer): Promise<string> {
  if (bytes.length === 0) {
    refuse({ zh: '文件为空', en: 'The file is empty' }, 'EMPTY_FILE');
  }
  const limits = await checkZipLimits(bytes, DOCX_LIMITS);
  if (!limits.ok) {
    if (limits.reason === 'not_zip') refuse(notDocx, 'FILE_TYPE');
    refuse(
      { zh: '文件解压后过大，无法读取', en: 'The file inflates too large to be read' },
      'FILE_TOO_LARGE',
    );
  }
  let xml: string | null;
  try {
    xml = await documentXml(bytes);
  } catch {
    xml = null;
  }
  if (xml === null) refuse(notDocx, 'FILE_TYPE');
  const text = wordprocessingText(xml);
  if (!text) {
    refuse({ zh: '该Word文档中没有文字', en: 'The Word document contains no text' }, 'EMPTY_FILE');
  }
  if (text.length > MAX_RULES_TEXT) {
    refuse(
      {
        zh: `文本过长（最多${MAX_RULES_TEXT}字）`,
        en: `The text is too long (${MAX_RULES_TEXT} characters at most)`,
      },
      'FILE_TOO_LARGE',
    );
  }
  return text;
}
