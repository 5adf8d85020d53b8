import { Button } from 'antd';
import { Link } from 'react-router';
import { useLang } from '../i18n';
import { StatusPage } from './status-page';

export function Forbidden() {
  const { t } = useLang();
  return (
    <StatusPage
      code="403"
      title={t('app.forbidden')}
      hint={t('app.forbiddenHint')}
      action={
        <Link to="/">
          <Button type="primary">{t('app.backHome')}</Button>
        </Link>
      }
    />
  );
}
