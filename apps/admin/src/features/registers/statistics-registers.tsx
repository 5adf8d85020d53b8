// The 统计 page's 普法, legal-adviser and community-correction views: for the division and period
// of the page, the figures of the division and of each child (drill-down to the village where the
// register keeps villages), beside those of the period just before, with charts and an Excel
// export of the table. Loaded only when one of these views is opened.
import { lazy, Suspense, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Table, Typography } from 'antd';
import {
  addMonths,
  adviserServiceKinds,
  adviserServiceLabels,
  formatRate,
  monthEnd,
  monthOf,
  pufaActivityTypes,
  pufaLabels,
} from '@fazhi/domain';
import { useLang } from '../../i18n';
import { comparedRanges, versusYear } from './compare-text';
import { trpc } from '../../trpc';
import type { RouterOutputs } from '../../types';
import { QueryError } from '../../components/query-error';
import { todayIso } from '../records/model';

const RegisterChart = lazy(() => import('./statistics-register-charts'));

export type RegisterView = 'pufa' | 'advisers' | 'corrections';

type Pufa = RouterOutputs['statistics']['pufa'];
type Advisers = RouterOutputs['advisers']['coverage'];
type Corrections = RouterOutputs['corrections']['statistics'];
type Trend = RouterOutputs['statistics']['trend'];

interface ViewProps {
  division: string;
  from: string;
  to: string;
  /** Opens a child division. */
  go: (code: string) => void;
}

/** A figure beside the previous period's, with the change in per cent. */
export function versus(now: number, then: number, t: ReturnType<typeof useLang>['t']) {
  const change =
    now === then
      ? t('registers.stats.noChange')
      : then === 0
        ? t('registers.stats.noBase')
        : `${now > then ? '+' : ''}${formatRate((now - then) / then)}`;
  return t('registers.stats.vsPrevious', { now, then, change });
}

function Summary({ items }: { items: [string, ReactNode][] }) {
  return (
    <Card size="small" data-testid="statistics-previous">
      <Flex wrap gap={16}>
        {items.map(([label, value]) => (
          <div key={label} style={{ minWidth: 150 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {label}
            </Typography.Text>
            <div>{value}</div>
          </div>
        ))}
      </Flex>
    </Card>
  );
}

function Chart({ option, testId }: { option: unknown; testId: string }) {
  return (
    <Suspense fallback={<div style={{ height: 280 }} />}>
      <RegisterChart option={option} testId={testId} />
    </Suspense>
  );
}

function bars(names: string[], series: { name: string; data: number[] }[]) {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 60 },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: 40, fontSize: 10 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ ...s, type: 'bar' })),
  };
}

function useTrend(register: RegisterView, division: string, from: string, to: string) {
  return useQuery(
    trpc.statistics.trend.queryOptions({ register, divisionCode: division, from, to }),
  );
}

function TrendChart({ trend, labels }: { trend: Trend; labels: Record<string, string> }) {
  return (
    <Chart
      testId={`trend-chart-${trend.register}`}
      option={bars(
        trend.months.map((m) => m.month),
        trend.series.map((k) => ({
          name: labels[k] ?? k,
          data: trend.months.map((m) => m.values[k] ?? 0),
        })),
      )}
    />
  );
}

function nameColumn<T extends { code: string; name: string; level: string }>(
  title: string,
  division: string,
  go: (code: string) => void,
  drillable: (row: T) => boolean,
) {
  return {
    title,
    dataIndex: 'name',
    fixed: 'left' as const,
    render: (name: string, r: T) =>
      r.code === division || !drillable(r) ? (
        name
      ) : (
        <Typography.Link onClick={() => go(r.code)} data-testid={`drill-${r.code}`}>
          {name}
        </Typography.Link>
      ),
  };
}

function ExportButton({ register, division, from, to }: ViewProps & { register: RegisterView }) {
  const { t } = useLang();
  const href = `/api/statistics/${register}.xlsx?${new URLSearchParams({ divisionCode: division, from, to }).toString()}`;
  return (
    <Button href={href} data-testid={`statistics-xlsx-${register}`}>
      {t('registers.exportXlsx')}
    </Button>
  );
}

function PufaView(props: ViewProps) {
  const { t, lang } = useLang();
  const { division, from, to, go } = props;
  const stats = useQuery(trpc.statistics.pufa.queryOptions({ divisionCode: division, from, to }));
  const trend = useTrend('pufa', division, from, to);
  if (stats.error) return <QueryError error={stats.error} />;
  const data: Pufa | undefined = stats.data;
  if (!data) return null;
  type Row = Pufa['children'][number];
  const prev = data.previousPeriod;
  const columns = [
    // down to a village's own figures; the township's own row is the township itself
    nameColumn<Row>(t('registers.name'), division, go, (r) => !r.own),
    { title: t('registers.stats.activities'), dataIndex: 'activities' },
    ...pufaActivityTypes.map((type) => ({
      title: pufaLabels.type[type][lang],
      key: type,
      render: (_: unknown, r: Row) => r.byType[type],
    })),
    { title: t('registers.stats.participants'), dataIndex: 'participants' },
    { title: t('registers.stats.materials'), dataIndex: 'materials' },
    { title: t('registers.stats.legalLiterate'), dataIndex: 'legalLiterate' },
    { title: t('registers.stats.trained'), dataIndex: 'trained' },
    {
      title: t('registers.stats.previousActivities'),
      key: 'previous',
      render: (_: unknown, r: Row) => r.previousPeriod.activities,
    },
    {
      title: t('registers.stats.yearBeforeActivities'),
      key: 'yearBefore',
      render: (_: unknown, r: Row) => r.yearBefore.activities,
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={8} justify="space-between" align="center">
        <Typography.Text type="secondary">
          {comparedRanges(prev, data.yearBefore, t)}
        </Typography.Text>
        <ExportButton register="pufa" {...props} />
      </Flex>
      <Summary
        items={[
          [t('registers.stats.activities'), versus(data.activities, prev.activities, t)],
          [
            t('registers.stats.activities'),
            versusYear(data.activities, data.yearBefore.activities, t),
          ],
          [t('registers.stats.participants'), versus(data.participants, prev.participants, t)],
          [t('registers.stats.materials'), versus(data.materials, prev.materials, t)],
          [
            t('registers.stats.legalLiterate'),
            `${data.legalLiterate}（${t('registers.stats.trained')} ${data.trained}）`,
          ],
        ]}
      />
      <Card size="small">
        <Table<Row>
          rowKey="code"
          size="small"
          pagination={false}
          expandable={{ childrenColumnName: 'none' }}
          scroll={{ x: 1200 }}
          data-testid="pufa-statistics-table"
          columns={columns}
          dataSource={[
            ...data.children,
            { ...data, name: `${t('registers.total')}（${data.name}）` },
          ]}
        />
      </Card>
      <Flex wrap gap={16}>
        <Card size="small" title={t('registers.stats.byType')} style={{ flex: '1 1 320px' }}>
          <Chart
            testId="pufa-type-chart"
            option={bars(
              pufaActivityTypes.map((type) => pufaLabels.type[type][lang]),
              [
                {
                  name: t('registers.stats.activities'),
                  data: pufaActivityTypes.map((type) => data.byType[type]),
                },
                {
                  name: t('registers.stats.previousActivities'),
                  data: pufaActivityTypes.map((type) => prev.byType[type]),
                },
              ],
            )}
          />
        </Card>
        <Card size="small" title={t('registers.stats.trend')} style={{ flex: '1 1 320px' }}>
          {trend.data && (
            <TrendChart
              trend={trend.data}
              labels={{
                activities: t('registers.stats.activities'),
                participants: t('registers.stats.participants'),
                materials: t('registers.stats.materials'),
              }}
            />
          )}
        </Card>
      </Flex>
      {data.children.length > 0 && (
        <Card size="small" title={t('registers.stats.byDivisionPufa')}>
          <Chart
            testId="pufa-division-chart"
            option={bars(
              data.children.map((c) => c.name),
              [
                {
                  name: t('registers.stats.activities'),
                  data: data.children.map((c) => c.activities),
                },
                {
                  name: t('registers.stats.previousActivities'),
                  data: data.children.map((c) => c.previousPeriod.activities),
                },
              ],
            )}
          />
        </Card>
      )}
    </Flex>
  );
}

const servicesOf = (r: { services: Record<string, number> }) =>
  Object.values(r.services).reduce((sum, n) => sum + n, 0);

function AdvisersView(props: ViewProps) {
  const { t, lang } = useLang();
  const { division, from, to, go } = props;
  const stats = useQuery(trpc.advisers.coverage.queryOptions({ divisionCode: division, from, to }));
  const trend = useTrend('advisers', division, from, to);
  if (stats.error) return <QueryError error={stats.error} />;
  const data: Advisers | undefined = stats.data;
  if (!data) return null;
  type Row = Advisers['children'][number];
  const prev = data.previousPeriod;
  const columns = [
    nameColumn<Row>(t('registers.name'), division, go, () => true),
    { title: t('registers.stats.villages'), dataIndex: 'villages' },
    { title: t('registers.stats.covered'), dataIndex: 'covered' },
    { title: t('registers.stats.coverage'), dataIndex: 'coverage', render: formatRate },
    { title: t('registers.stats.dutyDays'), dataIndex: 'dutyDays' },
    ...adviserServiceKinds.map((kind) => ({
      title: adviserServiceLabels[kind][lang],
      key: kind,
      render: (_: unknown, r: Row) => r.services[kind],
    })),
    {
      title: t('registers.stats.previousCoverage'),
      key: 'previousCoverage',
      render: (_: unknown, r: Row) => formatRate(r.previousPeriod.coverage),
    },
    {
      title: t('registers.stats.previousServices'),
      key: 'previousServices',
      render: (_: unknown, r: Row) => servicesOf(r.previousPeriod),
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={8} justify="space-between" align="center">
        <Typography.Text type="secondary">
          {comparedRanges(prev, data.yearBefore, t)}
        </Typography.Text>
        <ExportButton register="advisers" {...props} />
      </Flex>
      <Summary
        items={[
          [
            t('registers.stats.coverage'),
            `${formatRate(data.coverage)}（${data.covered}/${data.villages}；${t('registers.stats.previousCoverage')} ${formatRate(prev.coverage)}）`,
          ],
          [t('registers.stats.dutyDays'), versus(data.dutyDays, prev.dutyDays, t)],
          [t('registers.stats.services'), versus(servicesOf(data), servicesOf(prev), t)],
          [t('registers.stats.dutyDays'), versusYear(data.dutyDays, data.yearBefore.dutyDays, t)],
          [
            t('registers.stats.services'),
            versusYear(servicesOf(data), servicesOf(data.yearBefore), t),
          ],
        ]}
      />
      <Card size="small">
        <Table<Row>
          rowKey="code"
          size="small"
          pagination={false}
          expandable={{ childrenColumnName: 'none' }}
          scroll={{ x: 1100 }}
          data-testid="advisers-statistics-table"
          columns={columns}
          dataSource={[
            ...data.children,
            { ...data, name: `${t('registers.total')}（${data.name}）` },
          ]}
        />
      </Card>
      <Flex wrap gap={16}>
        {data.children.length > 0 && (
          <Card
            size="small"
            title={t('registers.stats.byDivisionAdvisers')}
            style={{ flex: '1 1 320px' }}
          >
            <Chart
              testId="advisers-division-chart"
              option={bars(
                data.children.map((c) => c.name),
                [
                  {
                    name: t('registers.stats.villages'),
                    data: data.children.map((c) => c.villages),
                  },
                  { name: t('registers.stats.covered'), data: data.children.map((c) => c.covered) },
                  { name: t('registers.stats.services'), data: data.children.map(servicesOf) },
                ],
              )}
            />
          </Card>
        )}
        <Card size="small" title={t('registers.stats.trend')} style={{ flex: '1 1 320px' }}>
          {trend.data && (
            <TrendChart
              trend={trend.data}
              labels={{
                dutyDays: t('registers.stats.dutyDays'),
                services: t('registers.stats.services'),
              }}
            />
          )}
        </Card>
      </Flex>
    </Flex>
  );
}

const correctionKeys = [
  'underCorrection',
  'newlyReceived',
  'released',
  'helped',
  'filesOpened',
] as const;

function CorrectionsView(props: ViewProps) {
  const { t } = useLang();
  const { division, from, to, go } = props;
  // the townships report a month once it has ended: the counts at the period's end are those of
  // the last month reported (an ended month not reported yet, or one still running, reads 0)
  const trend = useTrend('corrections', division, from, to);
  const lastReported = [...(trend.data?.months ?? [])]
    .reverse()
    .find((m) => Object.values(m.values).some((v) => v > 0))?.month;
  const lastEnded = addMonths(monthOf(todayIso()), -1);
  const toMonth = [to.slice(0, 7), lastEnded, lastReported ?? lastEnded].sort()[0]!;
  const months = {
    from: from.slice(0, 7),
    to: toMonth < from.slice(0, 7) ? from.slice(0, 7) : toMonth,
  };
  const stats = useQuery({
    ...trpc.corrections.statistics.queryOptions({ divisionCode: division, ...months }),
    enabled: trend.data !== undefined,
  });
  if (stats.error) return <QueryError error={stats.error} />;
  const data: Corrections | undefined = stats.data;
  if (!data) return null;
  type Row = Corrections['children'][number];
  const prev = data.previousPeriod;
  const labels = Object.fromEntries(correctionKeys.map((k) => [k, t(`registers.stats.${k}`)]));
  const columns = [
    // drill down to a township (its total and its months); the figures stop there
    nameColumn<Row>(t('registers.name'), division, go, (r) => r.level !== 'village'),
    ...correctionKeys.map((k) => ({ title: labels[k], dataIndex: k })),
    { title: t('registers.stats.placementRate'), dataIndex: 'placementRate', render: formatRate },
    { title: t('registers.stats.reported'), dataIndex: 'reported' },
    {
      title: t('registers.stats.previousUnder'),
      key: 'previous',
      render: (_: unknown, r: Row) => r.previousPeriod.underCorrection,
    },
    {
      title: t('registers.stats.yearBeforeUnder'),
      key: 'yearBefore',
      render: (_: unknown, r: Row) => r.yearBefore.underCorrection,
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={8} justify="space-between" align="center">
        <Typography.Text type="secondary">
          {t('registers.stats.months', { from: data.from, to: data.to })}；
          {data.asOfMonth && `${t('registers.stats.asOfMonth', { month: data.asOfMonth })}；`}
          {comparedRanges(prev, data.yearBefore, t)}；{t('registers.stats.monthsOnly')}
        </Typography.Text>
        <ExportButton register="corrections" {...props} to={monthEnd(months.to)} />
      </Flex>
      <Summary
        items={[
          ...correctionKeys.map((k): [string, ReactNode] => [
            labels[k]!,
            versus(data[k], prev[k], t),
          ]),
          [
            labels.underCorrection!,
            versusYear(data.underCorrection, data.yearBefore.underCorrection, t),
          ],
          [
            t('registers.stats.placementRate'),
            `${formatRate(data.placementRate)}（${formatRate(prev.placementRate)}）`,
          ],
        ]}
      />
      <Card size="small">
        <Table<Row>
          rowKey="code"
          size="small"
          pagination={false}
          expandable={{ childrenColumnName: 'none' }}
          scroll={{ x: 900 }}
          data-testid="corrections-statistics-table"
          columns={columns}
          dataSource={[
            ...data.children,
            { ...data, name: `${t('registers.total')}（${data.name}）` },
          ]}
        />
      </Card>
      <Flex wrap gap={16}>
        {data.children.length > 0 && (
          <Card
            size="small"
            title={t('registers.stats.byDivisionCorrections')}
            style={{ flex: '1 1 320px' }}
          >
            <Chart
              testId="corrections-division-chart"
              option={bars(
                data.children.map((c) => c.name),
                correctionKeys.map((k) => ({
                  name: labels[k]!,
                  data: data.children.map((c) => c[k]),
                })),
              )}
            />
          </Card>
        )}
        <Card size="small" title={t('registers.stats.trend')} style={{ flex: '1 1 320px' }}>
          {trend.data && <TrendChart trend={trend.data} labels={labels} />}
        </Card>
      </Flex>
    </Flex>
  );
}

/** One of the register views of the 统计 page. */
export default function RegisterStatistics({ view, ...props }: ViewProps & { view: RegisterView }) {
  if (view === 'pufa') return <PufaView {...props} />;
  if (view === 'advisers') return <AdvisersView {...props} />;
  return <CorrectionsView {...props} />;
}
