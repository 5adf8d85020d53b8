import { Button, Result } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useLang } from '../i18n';

/** Shown when a route fails to load or render (e.g. a chunk could not be fetched). */
export function RouteError() {
  const error = useRouteError();
  const { t } = useLang();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Result
        status="404"
        title={t('app.notFound')}
        subTitle={t('app.notFoundHint')}
        extra={<Button href="/">{t('app.backHome')}</Button>}
      />
    );
  }
  return (
    <Result
      status="error"
      title={t('errors.unknown')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('app.retry')}
        </Button>
      }
    />
  );
}
