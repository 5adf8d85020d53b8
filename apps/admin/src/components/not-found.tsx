import { Button } from 'antd';
import { Link } from 'react-router';
import { useLang } from '../i18n';
import { StatusPage } from './status-page';

export function NotFound() {
  const { t } = useLang();
  return (
    <StatusPage
      code="404"
      title={t('app.notFound')}
      hint={t('app.notFoundHint')}
      action={
        <Link to="/">
          <Button type="primary">{t('app.backHome')}</Button>
        </Link>
      }
    />
  );
}
