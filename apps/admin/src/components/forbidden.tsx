import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useLang } from '../i18n';

export function Forbidden() {
  const { t } = useLang();
  return (
    <Result
      status="403"
      title={t('app.forbidden')}
      subTitle={t('app.forbiddenHint')}
      extra={
        <Link to="/">
          <Button type="primary">{t('app.backHome')}</Button>
        </Link>
      }
    />
  );
}
