// Checks an uploaded zip container (an .xlsx workbook) before a parser unpacks it whole: a small
// file that inflates to gigabytes (a zip bomb) must not take the server's memory. Every entry is
// inflated as a stream and counted; an entry that inflates past its declared size stops at once.
import yauzl, { type Entry, type ZipFile } from 'yauzl';

export interface ZipLimits {
  /** The most entries the container may hold. */
  maxEntries: number;
  /** The most bytes all entries may inflate to together. */
  maxUncompressedBytes: number;
}

/** A score sheet inflates to well under a megabyte; these limits leave a wide margin. */
export const XLSX_LIMITS: ZipLimits = {
  maxEntries: 2_000,
  maxUncompressedBytes: 100 * 1024 * 1024,
};

export type ZipCheck =
  | { ok: true; entries: number; uncompressedBytes: number }
  | { ok: false; reason: 'not_zip' | 'too_many_entries' | 'too_large' };

class Over extends Error {
  constructor(readonly reason: 'too_many_entries' | 'too_large') {
    super(reason);
  }
}

function open(bytes: Uint8Array): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => (error ? reject(error) : resolve(zip)),
    );
  });
}

function inflate(zip: ZipFile, entry: Entry, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > budget) {
          stream.destroy();
          reject(new Over('too_large'));
        }
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(size));
    });
  });
}

/** Whether the bytes are a zip container within the limits (decided without keeping its contents). */
export async function checkZipLimits(bytes: Uint8Array, limits: ZipLimits): Promise<ZipCheck> {
  let zip: ZipFile;
  try {
    zip = await open(bytes);
  } catch {
    return { ok: false, reason: 'not_zip' };
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    return { ok: false, reason: 'too_many_entries' };
  }
  let total = 0;
  let entries = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        entries += 1;
        if (entries > limits.maxEntries) return reject(new Over('too_many_entries'));
        if (total + entry.uncompressedSize > limits.maxUncompressedBytes) {
          return reject(new Over('too_large'));
        }
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        inflate(zip, entry, limits.maxUncompressedBytes - total).then((size) => {
          total += size;
          zip.readEntry();
        }, reject);
      });
      zip.readEntry();
    });
  } catch (error) {
    return { ok: false, reason: error instanceof Over ? error.reason : 'not_zip' };
  } finally {
    zip.close();
  }
  return { ok: true, entries, uncompressedBytes: total };
}
