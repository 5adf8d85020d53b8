// 创建活动: the campaigns in scope, and (county administrators) a 新建 form.
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useLang } from '../../i18n';
import { trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { ResponsiveTable } from '../../components/responsive-table';
import { useMe } from '../auth/me-context';
import { CampaignFormModal } from './campaign-form-modal';
import { canRunCampaigns, type CampaignRow } from './model';
import { useSubjectWords } from './subject-words';

export function CampaignsPage() {
  const { t } = useLang();
  const me = useMe();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    ...trpc.campaigns.list.queryOptions({ page, pageSize }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('campaigns.title')}
        </Typography.Title>
        {canRunCampaigns(me.role) ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('campaigns.create')}
          </Button>
        ) : null}
      </Flex>
      <Card variant="borderless">
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <ResponsiveTable<CampaignRow>
            rowKey="id"
            size="middle"
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <Empty description={t('campaigns.empty')} /> }}
            data-testid="campaigns-table"
            scroll={{ x: 800 }}
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              showTotal: (total) => t('app.total', { count: total }),
              onChange: (nextPage, nextSize) => {
                setPage(nextSize === pageSize ? nextPage : 1);
                setPageSize(nextSize);
              },
            }}
            columns={[
              {
                key: 'name',
                cardTitle: true,
                title: t('campaigns.name'),
                render: (_, c) => <Link to={`/campaigns/${c.id}`}>{c.name}</Link>,
              },
              { key: 'year', title: t('campaigns.year'), dataIndex: 'year', width: 90 },
              {
                key: 'level',
                title: t('campaigns.level'),
                width: 100,
                render: (_, c) => <Tag color="red">{t(`campaigns.levels.${c.level}`)}</Tag>,
              },
              {
                key: 'stage',
                title: t('campaigns.stage'),
                width: 120,
                render: (_, c) =>
                  c.closedAt ? (
                    <Tag data-testid="campaign-closed-tag">{t('phases.close.closedTag')}</Tag>
                  ) : (
                    <Tag color="processing">{t(`campaigns.stages.${c.stage}`)}</Tag>
                  ),
              },
              {
                key: 'counts',
                title: t('campaigns.subjects'),
                width: 260,
                render: (_, c) => <CampaignCounts counts={c.counts} level={c.subjectLevel} />,
              },
              {
                key: 'actions',
                title: t('users.actions'),
                width: 200,
                render: (_, c) => (
                  <Flex gap={8} wrap>
                    <Link to={`/campaigns/${c.id}`}>{t('campaigns.detail')}</Link>
                    <Link to={`/campaigns/${c.id}/results`}>{t('campaigns.results')}</Link>
                    <Link to={`/campaigns/${c.id}/notice`}>{t('campaigns.notice')}</Link>
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </Card>
      {canRunCampaigns(me.role) ? (
        <CampaignFormModal open={creating} onClose={() => setCreating(false)} />
      ) : null}
    </>
  );
}

/** The number of subjects taking part, and of those named (inside the user's scope). */
function CampaignCounts({
  counts,
  level,
}: {
  counts: CampaignRow['counts'];
  level: CampaignRow['subjectLevel'];
}) {
  const { t } = useLang();
  const words = useSubjectWords(level);
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const named = counts.named ?? 0;
  return (
    <Flex gap={4} wrap data-testid="campaign-counts">
      <Tag>{t('campaigns.participants', { count: total, ...words })}</Tag>
      {named > 0 ? (
        <Tag color="success">
          {t('campaigns.states.named')} {named}
        </Tag>
      ) : null}
    </Flex>
  );
}
