import { Alert, Button } from 'antd';
import { useLang } from '../i18n';
import { apiErrorInfo } from '../lib/errors';
import { NotFound } from './not-found';
import { useErrorText } from './use-error-text';

/**
 * Whether a failed load means the address names nothing (a mistyped or stale id): then a retry
 * cannot help, and the page shows 页面不存在 instead of "id：编号无效" with 重试.
 */
export function isMissingThing(error: unknown): boolean {
  const info = apiErrorInfo(error);
  if (!info) return false;
  if (info.code === 'NOT_FOUND') return true;
  return (
    info.code === 'BAD_REQUEST' &&
    info.fieldErrors.length > 0 &&
    info.fieldErrors.every((f) => f.path === 'id' || f.path.endsWith('Id'))
  );
}

/** A failed load: the server's message in the current language and a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useLang();
  const text = useErrorText();
  if (isMissingThing(error)) return <NotFound />;
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
