import { Alert, Button } from 'antd';
import { useLang } from '../i18n';
import { useErrorText } from './use-error-text';

/** A failed load: the server's message in the current language and a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useLang();
  const text = useErrorText();
  return (
    <Alert
      type="error"
      showIcon
      title={t('app.loadFailed')}
      description={text(error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
