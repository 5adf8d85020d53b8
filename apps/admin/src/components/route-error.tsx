import { Button } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useLang } from '../i18n';
import { StatusPage } from './status-page';

/** Shown when a route fails to load or render (e.g. a chunk could not be fetched). */
export function RouteError() {
  const error = useRouteError();
  const { t } = useLang();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <StatusPage
        code="404"
        title={t('app.notFound')}
        hint={t('app.notFoundHint')}
        action={<Button href="/">{t('app.backHome')}</Button>}
      />
    );
  }
  return (
    <StatusPage
      code="!"
      title={t('errors.unknown')}
      action={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('app.retry')}
        </Button>
      }
    />
  );
}
