// 统计: the figures of a division and of each child division for a period, live from the
// registers: mediation (drill-down county → township → village → cases), 普法, legal advisers and
// community correction (loaded with their view), each with charts, the previous period and an
// Excel export.
import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Segmented, Space, Table, Typography } from 'antd';
import { formatRate } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { useMe } from '../auth/me-context';
import { todayIso } from '../records/model';
import { Cases } from './mediation-page';
import { comparedRanges, versusYear } from './compare-text';
import type { StatisticsRow } from './model';

const StatisticsChart = lazy(() => import('./statistics-chart'));
const RegisterStatistics = lazy(() => import('./statistics-registers'));

const views = ['mediation', 'pufa', 'advisers', 'corrections'] as const;
type View = (typeof views)[number];

export function StatisticsPage() {
  const { t, lang } = useLang();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const year = todayIso().slice(0, 4);
  const division = params.get('division') ?? me.scopeCode;
  const [from, setFrom] = useState(params.get('from') ?? `${year}-01-01`);
  const [to, setTo] = useState(params.get('to') ?? `${year}-12-31`);
  const view: View = views.find((v) => v === params.get('view')) ?? 'mediation';
  const stats = useQuery({
    ...trpc.statistics.mediation.queryOptions({ divisionCode: division, from, to }),
    enabled: view === 'mediation',
  });
  const go = (code: string, next: View = view) =>
    setParams({ division: code, from, to, ...(next === 'mediation' ? {} : { view: next }) });
  const data = stats.data;
  const rate = (v: number | null) => formatRate(v);
  const columns = [
    {
      title: t('registers.name'),
      dataIndex: 'name',
      render: (name: string, r: StatisticsRow) =>
        r.code === division ? (
          name
        ) : (
          <Typography.Link onClick={() => go(r.code)} data-testid={`drill-${r.code}`}>
            {name}
          </Typography.Link>
        ),
    },
    { title: t('registers.received'), dataIndex: 'received' },
    { title: t('registers.closed'), dataIndex: 'closed' },
    { title: t('registers.succeeded'), dataIndex: 'succeeded' },
    { title: t('registers.oral'), dataIndex: 'oral' },
    { title: t('registers.written'), dataIndex: 'written' },
    { title: t('registers.handlingRate'), dataIndex: 'handlingRate', render: rate },
    { title: t('registers.successRate'), dataIndex: 'successRate', render: rate },
    { title: t('registers.petition'), dataIndex: 'petition' },
    { title: t('registers.criminal'), dataIndex: 'criminal' },
    {
      title: t('registers.previous'),
      key: 'previous',
      render: (_: unknown, r: StatisticsRow) => r.previousPeriod.received,
    },
    {
      title: t('registers.stats.previousSuccessRate'),
      key: 'previousSuccessRate',
      render: (_: unknown, r: StatisticsRow) => rate(r.previousPeriod.successRate),
    },
    {
      title: t('registers.stats.yearBeforeReceived'),
      key: 'yearBefore',
      render: (_: unknown, r: StatisticsRow) => r.yearBefore.received,
    },
  ];
  const xlsxHref = `/api/statistics/mediation.xlsx?${new URLSearchParams({ divisionCode: division, from, to }).toString()}`;
  // the Ministry-style monthly table of the year the period starts in
  const monthlyHref = `/api/statistics/mediation-monthly.xlsx?${new URLSearchParams({ divisionCode: division, year: from.slice(0, 4) }).toString()}`;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('registers.statistics')}
        {data && view === 'mediation' ? ` · ${data.name}` : ''}
      </Typography.Title>
      <Segmented<View>
        value={view}
        onChange={(next) => go(division, next)}
        options={views.map((v) => ({ value: v, label: t(`registers.stats.views.${v}`) }))}
        data-testid="statistics-view"
      />
      <Space wrap>
        <Input
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          style={{ width: 160 }}
          aria-label={t('registers.from')}
        />
        <Input
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          style={{ width: 160 }}
          aria-label={t('registers.to')}
        />
        {division !== me.scopeCode && (data || view !== 'mediation') && (
          <Button onClick={() => go(me.scopeCode)} data-testid="statistics-top">
            {t('registers.back')}
          </Button>
        )}
        {view === 'mediation' && (
          <>
            <Button href={xlsxHref} data-testid="statistics-xlsx">
              {t('registers.exportXlsx')}
            </Button>
            <Button href={monthlyHref} data-testid="statistics-monthly-xlsx">
              {t('registers.exportMonthly', { year: from.slice(0, 4) })}
            </Button>
          </>
        )}
      </Space>
      {view !== 'mediation' && (
        <Suspense fallback={<div style={{ height: 300 }} />}>
          <RegisterStatistics view={view} division={division} from={from} to={to} go={go} />
        </Suspense>
      )}
      {view === 'mediation' && stats.error && <QueryError error={stats.error} />}
      {view === 'mediation' && data && (
        <>
          <Typography.Text type="secondary">
            {t('registers.handlingRate')}:{' '}
            {t('registers.formula', { formula: data.definitions.handlingRate.formula[lang] })}；
            {t('registers.successRate')}:{' '}
            {t('registers.formula', { formula: data.definitions.successRate.formula[lang] })}
          </Typography.Text>
          <Typography.Text type="secondary" data-testid="statistics-year-before">
            {comparedRanges(data.previousPeriod, data.yearBefore, t)}；{t('registers.received')}{' '}
            {versusYear(data.received, data.yearBefore.received, t)}
          </Typography.Text>
          <Card size="small">
            <Table<StatisticsRow>
              rowKey="code"
              size="small"
              pagination={false}
              // the total row carries the children of the division: no tree
              expandable={{ childrenColumnName: 'none' }}
              scroll={{ x: 900 }}
              data-testid="statistics-table"
              columns={columns}
              dataSource={[
                ...data.children,
                { ...data, name: `${t('registers.total')}（${data.name}）` },
              ]}
            />
          </Card>
          {data.children.length > 0 && (
            <Card size="small" title={t('registers.byDivision')}>
              <Suspense fallback={<div style={{ height: 300 }} />}>
                <StatisticsChart rows={data.children} />
              </Suspense>
            </Card>
          )}
          {data.children.length === 0 && (
            <Cases divisionCode={division} canWrite={false} from={from} to={to} />
          )}
        </>
      )}
    </Flex>
  );
}
