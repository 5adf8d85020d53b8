import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Card,
  Col,
  DatePicker,
  Empty,
  Input,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLang } from '../../i18n';
import { usePagination } from '../../lib/use-pagination';
import { actionKey, coreZh } from '../../i18n/resources';
import { trpc } from '../../trpc';
import type { AuditEvent } from '../../types';
import { QueryError } from '../../components/query-error';

type KnownAction = keyof typeof coreZh.audit.actions;

function isKnown(key: string): key is KnownAction {
  return key in coreZh.audit.actions;
}

/** The translated label of an audit action, or the action itself when unknown. */
function useActionLabel() {
  const { t } = useLang();
  return (action: string) => {
    const key = actionKey(action);
    return isKnown(key) ? t(`audit.actions.${key}`) : action;
  };
}

function Json({ value }: { value: unknown }) {
  const { t } = useLang();
  if (value === null || value === undefined) {
    return <Typography.Text type="secondary">{t('audit.noData')}</Typography.Text>;
  }
  return <pre className="fz-json">{JSON.stringify(value, null, 2)}</pre>;
}

export function AuditPage() {
  const { t } = useLang();
  const label = useActionLabel();
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
            options={(actions.data ?? []).map((a) => ({ value: a, label: label(a) }))}
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
          <Table<AuditEvent>
            rowKey="id"
            size="middle"
            loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <Empty description={t('audit.empty')} /> }}
            scroll={{ x: 900 }}
            data-testid="audit-table"
            pagination={tablePagination(list.data?.total ?? 0)}
            expandable={{
              expandedRowRender: (e) => (
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <Typography.Text strong>{t('audit.before')}</Typography.Text>
                    <Json value={e.before} />
                  </Col>
                  <Col xs={24} md={12}>
                    <Typography.Text strong>{t('audit.after')}</Typography.Text>
                    <Json value={e.after} />
                  </Col>
                  {e.requestId ? (
                    <Col span={24} style={{ marginTop: 8 }}>
                      <Typography.Text type="secondary">
                        {t('audit.requestId')}: {e.requestId}
                      </Typography.Text>
                    </Col>
                  ) : null}
                </Row>
              ),
            }}
            columns={[
              {
                key: 'at',
                title: t('audit.time'),
                width: 180,
                render: (_, e) => dayjs(e.at).format('YYYY-MM-DD HH:mm:ss'),
              },
              {
                key: 'actor',
                title: t('audit.actor'),
                render: (_, e) => e.actorUsername ?? t('audit.system'),
              },
              {
                key: 'action',
                title: t('audit.action'),
                render: (_, e) => (
                  <Tag color={e.action.endsWith('failed') ? 'error' : 'processing'}>
                    {label(e.action)}
                  </Tag>
                ),
              },
              {
                key: 'entity',
                title: t('audit.entity'),
                render: (_, e) => (
                  <Space size={4}>
                    <span>{e.entity}</span>
                    {e.entityId ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable>
                        {e.entityId}
                      </Typography.Text>
                    ) : null}
                  </Space>
                ),
              },
              {
                key: 'division',
                title: t('audit.division'),
                render: (_, e) => e.divisionCode ?? t('app.none'),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
