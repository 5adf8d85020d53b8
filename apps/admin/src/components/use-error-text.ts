import { useCallback } from 'react';
import { useLang } from '../i18n';
import { errorMessage } from '../lib/errors';

/** Returns a function that turns any error into a message in the current language. */
export function useErrorText() {
  const { t, lang } = useLang();
  return useCallback(
    (error: unknown) =>
      errorMessage(error, lang, { network: t('errors.network'), unknown: t('errors.unknown') }),
    [t, lang],
  );
}
