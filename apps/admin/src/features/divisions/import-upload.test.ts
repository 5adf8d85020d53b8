import { describe, expect, it } from 'vitest';
import { readImportResponse } from './import-upload';

describe('readImportResponse', () => {
  it('reads the counts of a successful import', () => {
    const outcome = readImportResponse(
      200,
      JSON.stringify({ total: 3, inserted: 2, updated: 1, unchanged: 0 }),
    );
    expect(outcome).toEqual({
      ok: true,
      result: { total: 3, inserted: 2, updated: 1, unchanged: 0 },
    });
  });

  it('lists the bad lines of a rejected file', () => {
    const body = {
      error: {
        code: 'BAD_REQUEST',
        problemCode: 'IMPORT_REJECTED',
        messages: { zh: '文件有2处错误，未导入任何数据', en: 'The file has 2 errors' },
        fieldErrors: [],
        details: {
          errorCount: 2,
          errors: [
            { line: 2, problem: 'MALFORMED_CODE', message: { zh: '代码错误', en: 'Bad code' } },
            { line: 5, problem: 'EMPTY_NAME', message: { zh: '名称为空', en: 'Empty name' } },
          ],
        },
      },
    };
    const outcome = readImportResponse(400, JSON.stringify(body));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.problemCode).toBe('IMPORT_REJECTED');
    expect(outcome.errorCount).toBe(2);
    expect(outcome.badLines.map((l) => l.line)).toEqual([2, 5]);
  });

  it('keeps the server message of a refusal without bad lines', () => {
    const body = {
      error: {
        code: 'FORBIDDEN',
        problemCode: 'ROLE_FORBIDDEN',
        messages: { zh: '您的角色无权执行此操作', en: 'Your role may not do this' },
        fieldErrors: [],
      },
    };
    const outcome = readImportResponse(403, JSON.stringify(body));
    expect(outcome).toMatchObject({ ok: false, badLines: [], errorCount: 0 });
    if (!outcome.ok) expect(outcome.error.messages?.en).toBe('Your role may not do this');
  });

  it('turns a network failure or a garbled body into an error without message', () => {
    const network = readImportResponse(0, '');
    expect(network).toMatchObject({ ok: false, error: { code: null, messages: null } });
    const garbled = readImportResponse(502, '<html>');
    expect(garbled).toMatchObject({ ok: false, error: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
