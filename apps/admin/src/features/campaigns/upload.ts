// File uploads of the score sheet with XMLHttpRequest (fetch cannot report upload progress):
// evidence files (images or PDF up to 20 MB) and the Excel import of one column.
import type { XlsxInvalidDetails } from '@fazhi/api';
import { maxEvidenceBytes } from '@fazhi/domain';
import { apiErrorInfo, problemDetails, type ApiErrorInfo } from '../../lib/errors';
import type { EvidenceFile, SheetColumn } from './model';

/** The largest evidence file the API accepts (checked here too, before uploading). */
export const MAX_EVIDENCE_BYTES = maxEvidenceBytes;

const evidenceTypes = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf'];
const evidenceExtensions = /\.(jpe?g|png|gif|webp|pdf)$/i;

/** Why a file cannot be evidence (`null` when it may be uploaded); the server checks content. */
export function evidenceFileProblem(file: {
  name: string;
  size: number;
  type: string;
}): 'tooLarge' | 'type' | 'empty' | null {
  if (file.size === 0) return 'empty';
  if (file.size > MAX_EVIDENCE_BYTES) return 'tooLarge';
  const typeOk = file.type ? evidenceTypes.includes(file.type) : false;
  if (!typeOk && !evidenceExtensions.test(file.name)) return 'type';
  return null;
}

export interface UploadCallbacks {
  /** Upload progress, 0–100. */
  onProgress?(percent: number): void;
}

function parseJson(body: string): unknown {
  try {
    return body ? (JSON.parse(body) as unknown) : null;
  } catch {
    return null;
  }
}

function errorOf(status: number, parsed: unknown): ApiErrorInfo {
  return (
    apiErrorInfo(parsed) ?? {
      code: status === 0 ? null : 'INTERNAL_SERVER_ERROR',
      problemCode: null,
      messages: null,
      fieldErrors: [],
    }
  );
}

export type EvidenceOutcome = { ok: true; file: EvidenceFile } | { ok: false; error: ApiErrorInfo };

/** Reads the evidence route's answer: the stored file on 201, else the error. */
export function readEvidenceResponse(status: number, body: string): EvidenceOutcome {
  const parsed = parseJson(body);
  if ((status === 200 || status === 201) && typeof parsed === 'object' && parsed !== null) {
    const f = parsed as Partial<EvidenceFile>;
    if (typeof f.id === 'string' && typeof f.fileName === 'string') {
      return { ok: true, file: f as EvidenceFile };
    }
  }
  return { ok: false, error: errorOf(status, parsed) };
}

/** One bad cell of an imported workbook. */
export type BadCell = XlsxInvalidDetails['errors'][number];

export interface SheetSaved {
  version: number;
  total: number;
  grade: string;
  vetoed: boolean;
  complete: boolean;
}

export type SheetImportOutcome =
  | { ok: true; result: SheetSaved }
  | { ok: false; error: ApiErrorInfo; badCells: BadCell[] };

/** Reads the sheet import's answer: the saved column on 200, else the error and its bad cells. */
export function readSheetImportResponse(status: number, body: string): SheetImportOutcome {
  const parsed = parseJson(body);
  if (status === 200 && typeof parsed === 'object' && parsed !== null) {
    const r = parsed as Partial<SheetSaved>;
    if (typeof r.version === 'number' && typeof r.total === 'number') {
      return {
        ok: true,
        result: {
          version: r.version,
          total: r.total,
          grade: String(r.grade ?? ''),
          vetoed: r.vetoed === true,
          complete: r.complete === true,
        },
      };
    }
  }
  const error = errorOf(status, parsed);
  return { ok: false, error, badCells: problemDetails(error, 'XLSX_INVALID')?.errors ?? [] };
}

/** Sends `file` as the raw body; resolves with the status and body (0 on a network failure). */
export function postFile(
  url: string,
  file: Blob & { name?: string },
  contentType: string,
  callbacks: UploadCallbacks = {},
  signal?: AbortSignal,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', contentType);
    if (file.name) xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        callbacks.onProgress?.(Math.min(100, Math.round((event.loaded / event.total) * 100)));
      }
    };
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.responseText });
    xhr.onerror = () => resolve({ status: 0, body: '' });
    xhr.onabort = () => resolve({ status: 0, body: '' });
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/** Uploads an evidence file for one item of one column. */
export async function uploadEvidence(
  participationId: string,
  itemCode: string,
  column: SheetColumn,
  file: File,
  callbacks: UploadCallbacks = {},
  signal?: AbortSignal,
): Promise<EvidenceOutcome> {
  const url = `/api/participations/${participationId}/evidence?item=${encodeURIComponent(itemCode)}&column=${column}`;
  const { status, body } = await postFile(
    url,
    file,
    file.type || 'application/octet-stream',
    callbacks,
    signal,
  );
  return readEvidenceResponse(status, body);
}

/** Uploads a file of a pilot on-site meeting (现场会), as evidence is uploaded. */
export async function uploadPilotMeetingFile(
  campaignId: string,
  meetingId: string,
  file: File,
  callbacks: UploadCallbacks = {},
): Promise<EvidenceOutcome> {
  const { status, body } = await postFile(
    `/api/campaigns/${campaignId}/pilot-meetings/${meetingId}/files`,
    file,
    file.type || 'application/octet-stream',
    callbacks,
  );
  return readEvidenceResponse(status, body);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Uploads a filled-in score sheet workbook. */
export async function importSheetXlsx(
  participationId: string,
  file: File,
  callbacks: UploadCallbacks = {},
  signal?: AbortSignal,
): Promise<SheetImportOutcome> {
  const { status, body } = await postFile(
    `/api/participations/${participationId}/sheet.xlsx`,
    file,
    XLSX_TYPE,
    callbacks,
    signal,
  );
  return readSheetImportResponse(status, body);
}
