import { Flex, Spin } from 'antd';
import { useLang } from '../i18n';

/** A centred spinner for a page or a panel that is loading. */
export function PageLoading({ minHeight = 240 }: { minHeight?: number | string }) {
  const { t } = useLang();
  return (
    <Flex align="center" justify="center" style={{ minHeight }}>
      <Spin description={t('app.loading')} size="large">
        <div style={{ width: 120, height: 60 }} />
      </Spin>
    </Flex>
  );
}
