// One way for every form dialog to show a failed save: the server's field errors go under their
// fields, anything else (or a network failure) becomes one message in the user's language.
import { App } from 'antd';
import { useLang } from '../i18n';
import { applyFieldErrors, type FieldErrorOptions, type FieldErrorTarget } from './errors';

export function useFormErrorHandler(
  form: FieldErrorTarget,
  fields: readonly string[],
  options?: FieldErrorOptions,
): (error: unknown) => void {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  return (error: unknown) => {
    const fallbacks = { network: t('errors.network'), unknown: t('errors.unknown') };
    const rest = applyFieldErrors(form, error, lang, fallbacks, fields, options);
    if (rest) void message.error(rest);
  };
}
