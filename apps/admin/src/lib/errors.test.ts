import { describe, expect, it } from 'vitest';
import { TRPCClientError } from '@trpc/client';
import {
  apiErrorInfo,
  applyFieldErrors,
  errorMessage,
  formFieldErrors,
  isUnauthorized,
  problemDetails,
  type FormFieldError,
} from './errors';

const fallbacks = { network: 'NETWORK', unknown: 'UNKNOWN' };

/** A tRPC client error as the API's error formatter shapes it. */
function trpcError(data: Record<string, unknown>) {
  return TRPCClientError.from({
    error: { code: -32600, message: 'x', data: { httpStatus: 400, path: 'users.create', ...data } },
  });
}

const validation = trpcError({
  code: 'BAD_REQUEST',
  problemCode: 'VALIDATION_FAILED',
  messages: { zh: '输入有误：username：至少3个字符', en: 'Invalid input: username: too short' },
  fieldErrors: [
    { path: 'username', message: { zh: '至少3个字符', en: 'Must be at least 3 characters' } },
    {
      path: 'scopeCode',
      message: { zh: '区划代码应为12位数字', en: 'A division code has 12 digits' },
    },
  ],
});

describe('apiErrorInfo', () => {
  it('reads the data of a tRPC client error', () => {
    const info = apiErrorInfo(validation);
    expect(info?.code).toBe('BAD_REQUEST');
    expect(info?.problemCode).toBe('VALIDATION_FAILED');
    expect(info?.fieldErrors).toHaveLength(2);
  });

  it('reads the body of the upload route, with its details', () => {
    const body = {
      error: {
        code: 'BAD_REQUEST',
        problemCode: 'IMPORT_REJECTED',
        messages: { zh: '文件有1处错误', en: 'The file has 1 error' },
        fieldErrors: [],
        details: { errorCount: 1, errors: [] },
      },
    };
    const info = apiErrorInfo(body);
    expect(info?.problemCode).toBe('IMPORT_REJECTED');
    expect(info?.details).toEqual({ errorCount: 1, errors: [] });
  });

  it('is null for values that carry no API error', () => {
    expect(apiErrorInfo(null)).toBeNull();
    expect(apiErrorInfo('boom')).toBeNull();
    expect(apiErrorInfo(new Error('boom'))).toBeNull();
  });

  it('drops malformed field errors', () => {
    const info = apiErrorInfo({ code: 'BAD_REQUEST', fieldErrors: [{ path: 1 }, null] });
    expect(info?.fieldErrors).toEqual([]);
  });
});

describe('problemDetails', () => {
  const conflict = trpcError({
    code: 'CONFLICT',
    problemCode: 'SHEET_CONFLICT',
    messages: { zh: '张三已修改', en: 'Changed by 张三' },
    fieldErrors: [],
    details: {
      version: 7,
      state: 'declared',
      updatedBy: '张三',
      updatedAt: '2026-05-01T02:00:00.000Z',
      column: { items: { 'A1.4': true }, vetoes: [], comments: {} },
    },
  });

  it('reads the details of the problem asked for, typed by its code', () => {
    const found = problemDetails(conflict, 'SHEET_CONFLICT');
    expect(found?.version).toBe(7);
    expect(found?.updatedBy).toBe('张三');
    expect(found?.column?.items).toEqual({ 'A1.4': true });
  });

  it('reads the details of an upload route’s answer', () => {
    const body = {
      error: {
        code: 'PRECONDITION_FAILED',
        problemCode: 'STAGE_BLOCKED',
        messages: { zh: '还有未完成的工作', en: 'Open work' },
        fieldErrors: [],
        details: {
          blockers: [
            { code: 'SELF_ASSESSMENT_OPEN', count: 2, message: { zh: '2个村', en: '2 villages' } },
          ],
        },
      },
    };
    expect(problemDetails(body, 'STAGE_BLOCKED')?.blockers.map((b) => b.count)).toEqual([2]);
  });

  it('is null for another problem, no details, or no API error', () => {
    expect(problemDetails(conflict, 'STAGE_BLOCKED')).toBeNull();
    expect(problemDetails(validation, 'SHEET_CONFLICT')).toBeNull();
    expect(
      problemDetails(
        trpcError({ code: 'CONFLICT', problemCode: 'SHEET_CONFLICT' }),
        'SHEET_CONFLICT',
      ),
    ).toBeNull();
    expect(problemDetails(new Error('boom'), 'SHEET_CONFLICT')).toBeNull();
  });
});

describe('errorMessage', () => {
  it('picks the server message in the chosen language', () => {
    const locked = trpcError({
      code: 'TOO_MANY_REQUESTS',
      problemCode: 'ACCOUNT_LOCKED',
      messages: { zh: '账号已锁定', en: 'The account is locked' },
      fieldErrors: [],
    });
    expect(errorMessage(locked, 'zh', fallbacks)).toBe('账号已锁定');
    expect(errorMessage(locked, 'en', fallbacks)).toBe('The account is locked');
  });

  it('names a network failure as such', () => {
    expect(errorMessage(new TypeError('Failed to fetch'), 'zh', fallbacks)).toBe('NETWORK');
    const wrapped = TRPCClientError.from(new TypeError('Failed to fetch'));
    expect(errorMessage(wrapped, 'zh', fallbacks)).toBe('NETWORK');
  });

  it('falls back to a generic message', () => {
    expect(errorMessage(new Error('boom'), 'en', fallbacks)).toBe('UNKNOWN');
    expect(errorMessage(undefined, 'en', fallbacks)).toBe('UNKNOWN');
  });
});

describe('isUnauthorized', () => {
  it('is true only for UNAUTHORIZED', () => {
    expect(isUnauthorized(trpcError({ code: 'UNAUTHORIZED' }))).toBe(true);
    expect(isUnauthorized(trpcError({ code: 'FORBIDDEN' }))).toBe(false);
    expect(isUnauthorized(new Error('x'))).toBe(false);
  });
});

describe('formFieldErrors', () => {
  it('maps field errors onto form fields in the chosen language', () => {
    const { fields, rest } = formFieldErrors(validation, 'zh', ['username', 'scopeCode']);
    expect(fields).toEqual([
      { name: ['username'], errors: ['至少3个字符'] },
      { name: ['scopeCode'], errors: ['区划代码应为12位数字'] },
    ]);
    expect(rest).toEqual([]);
    expect(formFieldErrors(validation, 'en', ['username']).fields[0]?.errors).toEqual([
      'Must be at least 3 characters',
    ]);
  });

  it('returns errors of fields the form lacks in rest', () => {
    const { fields, rest } = formFieldErrors(validation, 'zh', ['username']);
    expect(fields.map((f) => f.name)).toEqual([['username']]);
    expect(rest).toEqual(['区划代码应为12位数字']);
  });

  it('splits dotted paths, with numeric segments as indexes', () => {
    const nested = trpcError({
      code: 'BAD_REQUEST',
      fieldErrors: [{ path: 'items.0.name', message: { zh: '不能为空', en: 'Required' } }],
    });
    expect(formFieldErrors(nested, 'en').fields).toEqual([
      { name: ['items', 0, 'name'], errors: ['Required'] },
    ]);
  });

  it('maps the errors under a path onto the form that edits that part of the input', () => {
    const transition = trpcError({
      code: 'BAD_REQUEST',
      fieldErrors: [
        { path: 'event.objector.name', message: { zh: '请填写异议人姓名', en: 'Name' } },
        { path: 'event.reason', message: { zh: '请填写理由', en: 'Reason' } },
        { path: 'event', message: { zh: '无效的操作', en: 'Invalid event' } },
        { path: 'version', message: { zh: '版本无效', en: 'Bad version' } },
      ],
    });
    const { fields, rest } = formFieldErrors(transition, 'zh', ['reason', 'objector'], {
      under: 'event',
    });
    expect(fields).toEqual([
      { name: ['objector', 'name'], errors: ['请填写异议人姓名'] },
      { name: ['reason'], errors: ['请填写理由'] },
    ]);
    expect(rest).toEqual(['无效的操作', '版本无效']);
    // without `under` nothing fits these fields
    expect(formFieldErrors(transition, 'zh', ['reason', 'objector']).fields).toEqual([]);
  });

  it('joins several errors of one field without repeats', () => {
    const twice = trpcError({
      code: 'BAD_REQUEST',
      fieldErrors: [
        { path: 'password', message: { zh: '太短', en: 'Too short' } },
        { path: 'password', message: { zh: '太短', en: 'Too short' } },
        { path: 'password', message: { zh: '太简单', en: 'Too simple' } },
      ],
    });
    expect(formFieldErrors(twice, 'zh').fields).toEqual([
      { name: ['password'], errors: ['太短', '太简单'] },
    ]);
  });
});

describe('applyFieldErrors', () => {
  function fakeForm() {
    const set: FormFieldError[] = [];
    return { set, setFields: (fields: FormFieldError[]) => set.push(...fields) };
  }

  it('sets the fields and returns no general message when every error has a field', () => {
    const form = fakeForm();
    expect(applyFieldErrors(form, validation, 'zh', fallbacks, ['username', 'scopeCode'])).toBe(
      null,
    );
    expect(form.set).toHaveLength(2);
  });

  it('strips the path the form edits', () => {
    const form = fakeForm();
    const noReason = trpcError({
      code: 'BAD_REQUEST',
      messages: { zh: '输入有误', en: 'Invalid input' },
      fieldErrors: [{ path: 'event.reason', message: { zh: '请填写退回理由', en: 'Reason' } }],
    });
    expect(applyFieldErrors(form, noReason, 'zh', fallbacks, ['reason'], { under: 'event' })).toBe(
      null,
    );
    expect(form.set).toEqual([{ name: ['reason'], errors: ['请填写退回理由'] }]);
  });

  it('returns the server message when no field can take the error', () => {
    const form = fakeForm();
    const forbidden = trpcError({
      code: 'FORBIDDEN',
      messages: { zh: '无权访问', en: 'Forbidden' },
      fieldErrors: [],
    });
    expect(applyFieldErrors(form, forbidden, 'en', fallbacks, ['username'])).toBe('Forbidden');
    expect(form.set).toEqual([]);
  });
});
