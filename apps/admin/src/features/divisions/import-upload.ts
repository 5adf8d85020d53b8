// Uploads a division CSV to POST /api/divisions/import with XMLHttpRequest, so that the dialog can
// show upload progress (fetch cannot report it), and reads the answer.
import type { ImportRejectedDetails } from '@fazhi/api';
import { apiErrorInfo, problemDetails, type ApiErrorInfo } from '../../lib/errors';

export interface ImportResult {
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/** One bad line of a rejected CSV. */
export type BadLine = ImportRejectedDetails['errors'][number];

export type ImportOutcome =
  | { ok: true; result: ImportResult }
  | { ok: false; error: ApiErrorInfo; badLines: BadLine[]; errorCount: number };

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function parseJson(body: string): unknown {
  try {
    return body ? (JSON.parse(body) as unknown) : null;
  } catch {
    return null;
  }
}

/** Reads the upload route's answer: the counts on 200, else the error and its bad lines. */
export function readImportResponse(status: number, body: string): ImportOutcome {
  const parsed = parseJson(body);
  if (status === 200 && typeof parsed === 'object' && parsed !== null) {
    const r = parsed as Partial<ImportResult>;
    if (isNumber(r.total) && isNumber(r.inserted) && isNumber(r.updated) && isNumber(r.unchanged)) {
      return {
        ok: true,
        result: {
          total: r.total,
          inserted: r.inserted,
          updated: r.updated,
          unchanged: r.unchanged,
        },
      };
    }
  }
  const error = apiErrorInfo(parsed) ?? {
    code: status === 0 ? null : 'INTERNAL_SERVER_ERROR',
    problemCode: null,
    messages: null,
    fieldErrors: [],
  };
  const rejected = problemDetails(error, 'IMPORT_REJECTED');
  return {
    ok: false,
    error,
    badLines: rejected?.errors ?? [],
    errorCount: rejected?.errorCount ?? 0,
  };
}

export interface UploadCallbacks {
  /** Upload progress, 0–100. */
  onProgress(percent: number): void;
  /** The whole file reached the server; it now checks and imports it. */
  onUploaded(): void;
}

/** Uploads the file; resolves with the outcome (a network failure is an outcome too). */
export function uploadDivisionsCsv(
  file: File,
  callbacks: UploadCallbacks,
  signal?: AbortSignal,
): Promise<ImportOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/divisions/import');
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        callbacks.onProgress(Math.min(100, Math.round((event.loaded / event.total) * 100)));
      }
    };
    xhr.upload.onload = () => {
      callbacks.onProgress(100);
      callbacks.onUploaded();
    };
    xhr.onload = () => resolve(readImportResponse(xhr.status, xhr.responseText));
    xhr.onerror = () => resolve(readImportResponse(0, ''));
    xhr.onabort = () => resolve(readImportResponse(0, ''));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
