// What the API tells the client when something fails, in the user's language: one helper picks
// the message, one maps field errors onto antd Form fields.
import type { LocalizedText } from '@fazhi/domain';
import type { ProblemCode, ProblemDetails } from '@fazhi/api';
import type { Lang } from '../i18n/lang';

export interface FieldError {
  path: string;
  message: LocalizedText;
}

/** The error data the API sends (tRPC error `data`, or `error` of the upload route). */
export interface ApiErrorInfo {
  code: string | null;
  problemCode: string | null;
  messages: LocalizedText | null;
  fieldErrors: FieldError[];
  details?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isLocalized(value: unknown): value is LocalizedText {
  return isRecord(value) && typeof value.zh === 'string' && typeof value.en === 'string';
}

function fieldErrorsOf(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (f): f is FieldError => isRecord(f) && typeof f.path === 'string' && isLocalized(f.message),
  );
}

/**
 * Reads the API's error data from a tRPC client error (`error.data`), an upload-route body
 * (`{ error: {...} }`) or the data object itself; `null` when the value carries none.
 */
export function apiErrorInfo(error: unknown): ApiErrorInfo | null {
  if (!isRecord(error)) return null;
  const data = isRecord(error.data) ? error.data : isRecord(error.error) ? error.error : error;
  const messages = isLocalized(data.messages) ? data.messages : null;
  const code = typeof data.code === 'string' ? data.code : null;
  const problemCode = typeof data.problemCode === 'string' ? data.problemCode : null;
  if (!messages && !code && !problemCode) return null;
  return {
    code,
    problemCode,
    messages,
    fieldErrors: fieldErrorsOf(data.fieldErrors),
    ...('details' in data ? { details: data.details } : {}),
  };
}

/**
 * The details of the problem `code`, typed as the API declares them (`ProblemDetails`), from any
 * error `apiErrorInfo` reads; `null` when the error is another problem or carries no details.
 */
export function problemDetails<C extends ProblemCode>(
  error: unknown,
  code: C,
): ProblemDetails[C] | null {
  const info = apiErrorInfo(error);
  if (info?.problemCode !== code || info.details === undefined || info.details === null) {
    return null;
  }
  // the API's contract: the details of a problem have the type its code names
  return info.details as ProblemDetails[C];
}

/** The text in the chosen language. */
export function localized(text: LocalizedText, lang: Lang): string {
  return lang === 'en' ? text.en : text.zh;
}

export interface ErrorFallbacks {
  /** Shown when the request never reached the server. */
  network: string;
  /** Shown for anything else without a server message. */
  unknown: string;
}

/** The message to show for any error, in the chosen language. */
export function errorMessage(error: unknown, lang: Lang, fallbacks: ErrorFallbacks): string {
  const info = apiErrorInfo(error);
  if (info?.messages) return localized(info.messages, lang);
  if (error instanceof TypeError || (isRecord(error) && error.name === 'NetworkError')) {
    return fallbacks.network;
  }
  if (isRecord(error) && isRecord(error.cause) && error.cause instanceof TypeError) {
    return fallbacks.network;
  }
  return fallbacks.unknown;
}

/** The tRPC error code (`UNAUTHORIZED`, `FORBIDDEN`…) of an error, if any. */
export function errorCode(error: unknown): string | null {
  return apiErrorInfo(error)?.code ?? null;
}

export function isUnauthorized(error: unknown): boolean {
  return errorCode(error) === 'UNAUTHORIZED';
}

/** What antd `form.setFields` takes. */
export interface FormFieldError {
  name: (string | number)[];
  errors: string[];
}

export interface FieldErrorOptions {
  /**
   * The path of the input object the form edits, e.g. `event` for a form that builds
   * `{ id, version, event }`'s `event`: `event.objector.name` goes to the field
   * `objector.name`, and errors elsewhere (or on `event` itself) are returned in `rest`.
   */
  under?: string;
}

/** A field error's path relative to `under` ('' when it lies outside). */
function relativePath(path: string, under: string | undefined): string {
  if (!under) return path;
  return path.startsWith(`${under}.`) ? path.slice(under.length + 1) : '';
}

/**
 * Maps the API's field errors onto form fields. Errors for fields the form does not have (or
 * without a path) are returned in `rest`, to be shown as a general message.
 */
export function formFieldErrors(
  error: unknown,
  lang: Lang,
  formFields?: readonly string[],
  options: FieldErrorOptions = {},
): { fields: FormFieldError[]; rest: string[] } {
  const fields = new Map<string, string[]>();
  const rest: string[] = [];
  for (const f of apiErrorInfo(error)?.fieldErrors ?? []) {
    const text = localized(f.message, lang);
    const path = relativePath(f.path, options.under);
    const top = path.split('.')[0] ?? '';
    if (!path || (formFields && !formFields.includes(top))) {
      rest.push(text);
      continue;
    }
    const list = fields.get(path) ?? [];
    if (!list.includes(text)) list.push(text);
    fields.set(path, list);
  }
  return {
    fields: [...fields].map(([path, errors]) => ({
      name: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      errors,
    })),
    rest,
  };
}

/**
 * A form that can show errors on its fields: antd's `FormInstance<Values>` (which types `name` by
 * its values, while these paths come from the server, hence `never[]`).
 */
export interface FieldErrorTarget {
  setFields(fields: never[]): void;
}

/**
 * Puts the API's field errors on the form's fields; returns the message to show besides them
 * (the general message when no field could take the error, else `null`).
 */
export function applyFieldErrors(
  form: FieldErrorTarget,
  error: unknown,
  lang: Lang,
  fallbacks: ErrorFallbacks,
  formFields: readonly string[],
  options: FieldErrorOptions = {},
): string | null {
  const { fields, rest } = formFieldErrors(error, lang, formFields, options);
  if (fields.length > 0) form.setFields(fields as never[]);
  if (fields.length > 0 && rest.length === 0) return null;
  return rest[0] ?? errorMessage(error, lang, fallbacks);
}
