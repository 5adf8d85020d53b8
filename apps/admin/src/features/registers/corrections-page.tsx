// 社区矫正与安置帮教: each township's monthly head counts (never a person), the township's form, and
// the figures rolled up from township to county for a range of months with their rates.
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, Space, Tag, Typography } from 'antd';
import { addMonths, correctionFigureKeys, formatRate, monthOf } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { ResponsiveTable, type ResponsiveColumn } from '../../components/responsive-table';
import { usePagination } from '../../lib/use-pagination';
import { useMe } from '../auth/me-context';
import { todayIso } from '../records/model';
import { figureLabel, type CorrectionRow, type CorrectionStatisticsRow } from './advisers-model';
import { CorrectionForm } from './corrections-form';
import { DivisionPicker } from './division-picker';

export function CorrectionsPage() {
  const { t } = useLang();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const division = params.get('division') ?? me.scopeCode;
  const last = addMonths(monthOf(todayIso()), -1);
  const [from, setFrom] = useState(`${last.slice(0, 4)}-01`);
  const [to, setTo] = useState(last);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('corrections.title')}
      </Typography.Title>
      <Alert type="info" showIcon message={t('corrections.hint')} />
      <Space wrap>
        <DivisionPicker
          value={division}
          villages={false}
          onChange={(code) => setParams({ division: code })}
          testId="corrections-division"
        />
        <Input
          type="month"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          style={{ width: 150 }}
          aria-label={t('corrections.from')}
        />
        <Input
          type="month"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          style={{ width: 150 }}
          aria-label={t('corrections.to')}
        />
      </Space>
      {me.role !== 'village_clerk' && (
        <>
          <Rollup
            division={division}
            from={from}
            to={to}
            onPick={(code) => setParams({ division: code })}
          />
          <Monthly division={division} from={from} to={to} />
        </>
      )}
    </Flex>
  );
}

function Rollup({
  division,
  from,
  to,
  onPick,
}: {
  division: string;
  from: string;
  to: string;
  onPick: (code: string) => void;
}) {
  const { t, lang } = useLang();
  const stats = useQuery(
    trpc.corrections.statistics.queryOptions({ divisionCode: division, from, to }),
  );
  if (stats.error) return <QueryError error={stats.error} />;
  const data = stats.data;
  const columns: ResponsiveColumn<CorrectionStatisticsRow>[] = [
    {
      title: t('corrections.township'),
      dataIndex: 'name',
      cardTitle: true,
      render: (name: string, r) =>
        r.code === division ? (
          name
        ) : (
          <Typography.Link
            onClick={() => onPick(r.code)}
            data-testid={`corrections-drill-${r.code}`}
          >
            {name}
          </Typography.Link>
        ),
    },
    ...correctionFigureKeys.map((k) => ({ title: figureLabel(k, lang), dataIndex: k })),
    { title: t('corrections.placementRate'), dataIndex: 'placementRate', render: formatRate },
    { title: t('corrections.filingRate'), dataIndex: 'filingRate', render: formatRate },
    { title: t('corrections.reported'), dataIndex: 'reported' },
  ];
  return (
    <Card size="small" title={t('corrections.byTownship', { from, to })}>
      <ResponsiveTable<CorrectionStatisticsRow>
        rowKey="code"
        size="small"
        loading={stats.isLoading}
        pagination={false}
        // the total row carries the children of the division: no tree
        expandable={{ childrenColumnName: 'none' }}
        scroll={{ x: 900 }}
        columns={columns}
        dataSource={
          data
            ? [...data.children, { ...data, name: `${t('advisers.total')}（${data.name}）` }]
            : []
        }
        data-testid="corrections-rollup"
      />
    </Card>
  );
}

function Monthly({ division, from, to }: { division: string; from: string; to: string }) {
  const { t, lang } = useLang();
  const me = useMe();
  const paging = usePagination();
  const [editing, setEditing] = useState<CorrectionRow | null | undefined>(undefined);
  const township = division.endsWith('000') && !division.endsWith('000000') ? division : null;
  const canWrite =
    township !== null &&
    (me.role === 'township_officer' || me.role === 'county_admin' || me.role === 'system_admin');
  const list = useQuery(
    trpc.corrections.list.queryOptions({
      divisionCode: division,
      from,
      to,
      page: paging.page,
      pageSize: paging.pageSize,
    }),
  );
  if (list.error) return <QueryError error={list.error} />;
  const columns: ResponsiveColumn<CorrectionRow>[] = [
    {
      title: t('corrections.month'),
      dataIndex: 'month',
      cardTitle: true,
      render: (m: string, r) => `${m} ${r.townshipName}`,
    },
    ...correctionFigureKeys.map((k) => ({ title: figureLabel(k, lang), dataIndex: k })),
    { title: t('corrections.placementRate'), dataIndex: 'placementRate', render: formatRate },
    {
      title: t('corrections.reportedOn'),
      dataIndex: 'reportedOn',
      hideOnPhone: true,
      render: (d: string, r) => (
        <Space size={4} wrap>
          {d}
          {r.warnings.map((w) => (
            <Tag key={w.code} color="orange">
              {w.message[lang]}
            </Tag>
          ))}
        </Space>
      ),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            width: 80,
            render: (_: unknown, r: CorrectionRow) => (
              <Button size="small" onClick={() => setEditing(r)}>
                {t('corrections.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      size="small"
      title={t('corrections.monthly')}
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setEditing(null)} data-testid="correction-add">
            {t('corrections.add')}
          </Button>
        )
      }
    >
      <ResponsiveTable<CorrectionRow>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        scroll={{ x: 900 }}
        pagination={paging.tablePagination(list.data?.total ?? 0)}
        data-testid="corrections-table"
      />
      {editing !== undefined && township && (
        <CorrectionForm
          townshipCode={township}
          editing={editing}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Card>
  );
}
