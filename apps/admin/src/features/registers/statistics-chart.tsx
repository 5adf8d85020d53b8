// Received, handled and settled by division as a bar chart, drawn by the results page's lazily
// loaded ECharts component (this module is itself loaded only by the statistics page).
import { useLang } from '../../i18n';
import { Chart } from '../campaigns/results-charts';
import type { StatisticsRow } from './model';

export default function StatisticsChart({ rows }: { rows: StatisticsRow[] }) {
  const { t } = useLang();
  const option = {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 60 },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.name),
      axisLabel: { rotate: 40, fontSize: 10 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('registers.received'), type: 'bar', data: rows.map((r) => r.received) },
      { name: t('registers.closed'), type: 'bar', data: rows.map((r) => r.closed) },
      { name: t('registers.succeeded'), type: 'bar', data: rows.map((r) => r.succeeded) },
    ],
  };
  return <Chart option={option} testId="statistics-chart" />;
}
