// 审计日志: who did what to which thing, and what changed, in words — the person's name, the
// action and object by name, each change as "字段：旧值 → 新值". Paged by the server; cards on a phone.
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Empty, Input, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLang } from '../../i18n';
import { usePagination } from '../../lib/use-pagination';
import { trpc } from '../../trpc';
import type { AuditEvent } from '../../types';
import { QueryError } from '../../components/query-error';
import { ResponsiveTable } from '../../components/responsive-table';
import { AuditChanges } from './audit-changes';

export function AuditPage() {
  const { t, lang } = useLang();
  const text = (v: { zh: string; en: string }) => (lang === 'en' ? v.en : v.zh);
  const [action, setAction] = useState<string | undefined>();
  const [actor, setActor] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const { page, pageSize, toFirstPage, tablePagination } = usePagination();

  const from = range?.[0];
  const to = range?.[1];
  const input = {
    ...(action ? { action } : {}),
    ...(actor ? { actor } : {}),
    ...(from ? { from: from.startOf('day').toISOString() } : {}),
    ...(to ? { to: to.endOf('day').toISOString() } : {}),
    page,
    pageSize,
  };
  const actions = useQuery(trpc.audit.actions.queryOptions());
  const list = useQuery({
    ...trpc.audit.list.queryOptions(input),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      <Card variant="borderless">
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<string>
            allowClear
            placeholder={t('audit.actionPlaceholder')}
            style={{ width: 200 }}
            loading={actions.isPending}
            value={action}
            onChange={(value) => {
              setAction(value);
              toFirstPage();
            }}
            options={(actions.data ?? []).map((a) => ({ value: a.action, label: text(a.name) }))}
          />
          <Input.Search
            allowClear
            placeholder={t('audit.actorPlaceholder')}
            style={{ width: 200 }}
            onSearch={(value) => {
              setActor(value.trim());
              toFirstPage();
            }}
            aria-label={t('audit.actorPlaceholder')}
          />
          <DatePicker.RangePicker
            value={range}
            placeholder={[t('audit.rangeFrom'), t('audit.rangeTo')]}
            onChange={(value) => {
              setRange(value);
              toFirstPage();
            }}
            allowEmpty={[true, true]}
          />
        </Space>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <ResponsiveTable<AuditEvent>
            rowKey="id"
            size="middle"
            loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <Empty description={t('audit.empty')} /> }}
            data-testid="audit-table"
            pagination={tablePagination(list.data?.total ?? 0)}
            columns={[
              {
                key: 'action',
                title: t('audit.action'),
                cardTitle: true,
                width: 200,
                render: (_, e) => (
                  <Space size={4} wrap>
                    <Tag color={e.action.endsWith('failed') ? 'error' : 'processing'}>
                      {text(e.actionName)}
                    </Tag>
                    <span>{text(e.entityName)}</span>
                  </Space>
                ),
              },
              {
                key: 'at',
                title: t('audit.time'),
                width: 150,
                render: (_, e) => dayjs(e.at).format('YYYY-MM-DD HH:mm'),
              },
              {
                key: 'actor',
                title: t('audit.actor'),
                width: 150,
                render: (_, e) =>
                  e.actorName ??
                  // a failed sign-in under a name no user has: the name typed
                  (e.action === 'auth.login_failed' && e.actorUsername
                    ? t('audit.typedName', { name: e.actorUsername })
                    : t('audit.system')),
              },
              {
                key: 'division',
                title: t('audit.division'),
                width: 120,
                render: (_, e) => e.divisionName ?? t('app.none'),
              },
              {
                key: 'changes',
                title: t('audit.changes'),
                render: (_, e) => <AuditChanges changes={e.changes} />,
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
