import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useLang } from '../i18n';

export function NotFound() {
  const { t } = useLang();
  return (
    <Result
      status="404"
      title={t('app.notFound')}
      subTitle={t('app.notFoundHint')}
      extra={
        <Link to="/">
          <Button type="primary">{t('app.backHome')}</Button>
        </Link>
      }
    />
  );
}
