// 最近的通知: sheets of one's scope returned or approved by the township, accepted or failed by the
// county, in the last 30 days; those since one's previous sign-in are marked 新.
import { useQuery } from '@tanstack/react-query';
import { Empty, Flex, Skeleton, Tag } from 'antd';
import { Link } from 'react-router';
import { useLang } from '../../i18n';
import { trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { PlainCard } from '../../components/plain-card';
import { PlainText } from '../../components/plain-text';
import { participationStateName } from '@fazhi/domain';
import { labelIn } from '../../lib/label-in';

const kindColor = {
  returned: 'orange',
  township_approved: 'green',
  county_accepted: 'green',
  county_failed: 'red',
} as const;

export function NoticesCard() {
  const { t, lang } = useLang();
  const notices = useQuery({ ...trpc.dashboard.notices.queryOptions(), refetchInterval: 60_000 });
  return (
    <PlainCard title={t('dashboard.notices')} style={{ marginTop: 16 }} data-testid="notices">
      {notices.isError ? (
        <QueryError error={notices.error} onRetry={() => void notices.refetch()} />
      ) : notices.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : notices.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noticesEmpty')} />
      ) : (
        <div role="list">
          {notices.data.map((n) => (
            <Flex
              role="listitem"
              key={n.id}
              data-testid={`notice-${n.kind}`}
              justify="space-between"
              align="center"
              gap={8}
              wrap
              style={{ padding: '8px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}
            >
              <div style={{ minWidth: 0, flex: 1 }}>
                <Flex gap={8} align="center" wrap>
                  {n.isNew ? <Tag color="red">{t('dashboard.noticeNew')}</Tag> : null}
                  <Tag color={kindColor[n.kind]} style={{ marginInlineEnd: 0 }}>
                    {labelIn(participationStateName(n.kind), lang)}
                  </Tag>
                  <PlainText strong>
                    {t(`dashboard.noticeKinds.${n.kind}`, {
                      village: n.villageName ?? n.villageCode,
                    })}
                  </PlainText>
                </Flex>
                <PlainText type="secondary" style={{ fontSize: 12 }}>
                  {n.campaignName} ·{' '}
                  {new Date(n.at).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', {
                    dateStyle: 'short',
                    timeStyle: 'short',
                  })}
                </PlainText>
                {n.reason ? (
                  <div>
                    <PlainText>{t('dashboard.noticeReason', { reason: n.reason })}</PlainText>
                  </div>
                ) : null}
              </div>
              <Link to={`/participations/${n.participationId}`}>{t('dashboard.noticeOpen')}</Link>
            </Flex>
          ))}
        </div>
      )}
    </PlainCard>
  );
}
