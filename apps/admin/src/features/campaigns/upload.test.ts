import { describe, expect, it } from 'vitest';
import { canRemoveEvidence } from './model';
import {
  evidenceFileProblem,
  MAX_EVIDENCE_BYTES,
  readEvidenceResponse,
  readSheetImportResponse,
} from './upload';

describe('evidenceFileProblem', () => {
  it('accepts images and PDF files up to 20 MB', () => {
    expect(evidenceFileProblem({ name: 'a.pdf', size: 10, type: 'application/pdf' })).toBeNull();
    expect(
      evidenceFileProblem({ name: 'a.png', size: MAX_EVIDENCE_BYTES, type: 'image/png' }),
    ).toBeNull();
    // no type from the browser: the extension decides (the server checks the content)
    expect(evidenceFileProblem({ name: 'scan.JPG', size: 10, type: '' })).toBeNull();
  });

  it('refuses large, empty and other files', () => {
    expect(
      evidenceFileProblem({ name: 'a.pdf', size: MAX_EVIDENCE_BYTES + 1, type: 'application/pdf' }),
    ).toBe('tooLarge');
    expect(evidenceFileProblem({ name: 'a.pdf', size: 0, type: 'application/pdf' })).toBe('empty');
    expect(evidenceFileProblem({ name: 'a.docx', size: 10, type: 'application/msword' })).toBe(
      'type',
    );
  });
});

describe('readEvidenceResponse', () => {
  it('reads the stored file', () => {
    const file = {
      id: 'f1',
      itemCode: 'A1.1',
      column: 'self',
      fileName: 'a.pdf',
      mimeType: 'application/pdf',
      size: 3,
    };
    expect(readEvidenceResponse(201, JSON.stringify(file))).toEqual({ ok: true, file });
  });

  it('reads the error, or a network failure', () => {
    const body = {
      error: {
        code: 'BAD_REQUEST',
        problemCode: 'FILE_TYPE',
        messages: { zh: '类型', en: 'type' },
      },
    };
    const outcome = readEvidenceResponse(400, JSON.stringify(body));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.problemCode).toBe('FILE_TYPE');
    const network = readEvidenceResponse(0, '');
    expect(network.ok).toBe(false);
    if (!network.ok) expect(network.error.code).toBeNull();
  });
});

describe('readSheetImportResponse', () => {
  it('reads the saved column', () => {
    const result = { version: 4, total: 96.5, grade: 'excellent', vetoed: false, complete: true };
    expect(readSheetImportResponse(200, JSON.stringify(result))).toEqual({ ok: true, result });
  });

  it('lists every bad cell', () => {
    const body = {
      error: {
        code: 'BAD_REQUEST',
        problemCode: 'XLSX_INVALID',
        messages: { zh: '有2处错误', en: '2 problems' },
        details: {
          errors: [
            { sheet: '评分表', row: 5, column: 'F', message: { zh: '应为数字', en: 'A number' } },
            { sheet: '评分表', row: 7, column: 'F', message: { zh: '不能为负数', en: 'Negative' } },
          ],
        },
      },
    };
    const outcome = readSheetImportResponse(400, JSON.stringify(body));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.problemCode).toBe('XLSX_INVALID');
    expect(outcome.badCells).toEqual([
      { sheet: '评分表', row: 5, column: 'F', message: { zh: '应为数字', en: 'A number' } },
      { sheet: '评分表', row: 7, column: 'F', message: { zh: '不能为负数', en: 'Negative' } },
    ]);
  });
});

describe('canRemoveEvidence', () => {
  it('allows removing only files of the column the user may edit now', () => {
    expect(canRemoveEvidence({ column: 'self' }, 'self')).toBe(true);
    expect(canRemoveEvidence({ column: 'county' }, 'county')).toBe(true);
    // another column's file, or nothing editable at this stage
    expect(canRemoveEvidence({ column: 'self' }, 'township')).toBe(false);
    expect(canRemoveEvidence({ column: 'self' }, null)).toBe(false);
  });
});
