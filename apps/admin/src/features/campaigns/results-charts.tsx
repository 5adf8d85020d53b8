// The score histogram and the township comparison, with ECharts loaded only here (a lazy chunk
// of a lazy page), so the first screen stays small.
import { useEffect, useRef } from 'react';
import { Card, Col } from 'antd';
import { useLang } from '../../i18n';
import type { Results } from './model';

type Ranking = Results['ranking'];

type EChartsInstance = { setOption(option: unknown): void; resize(): void; dispose(): void };

/** ECharts with the bar chart, loaded on first use. */
function loadECharts() {
  return import('./echarts-setup');
}

function Chart({ option, testId }: { option: unknown; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // the options are rebuilt on every render; redraw only when they change
  const json = JSON.stringify(option);
  useEffect(() => {
    let chart: EChartsInstance | null = null;
    let cancelled = false;
    const onResize = () => chart?.resize();
    void loadECharts().then((echarts) => {
      if (cancelled || !ref.current) return;
      chart = echarts.init(ref.current) as unknown as EChartsInstance;
      chart.setOption(JSON.parse(json));
      window.addEventListener('resize', onResize);
    });
    return () => {
      cancelled = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [json]);
  return <div ref={ref} style={{ height: 280, width: '100%' }} data-testid={testId} />;
}

/** Counts of totals in 5-point bins from the lowest to the highest bin reached. */
function histogram(ranking: Ranking) {
  const width = 5;
  const bins = new Map<number, number>();
  for (const r of ranking) {
    const bin = Math.min(Math.floor(r.total / width) * width, 100 - width);
    bins.set(bin, (bins.get(bin) ?? 0) + 1);
  }
  const keys = [...bins.keys()];
  const low = Math.min(...keys);
  const high = Math.max(...keys);
  const labels: string[] = [];
  const values: number[] = [];
  for (let b = low; b <= high; b += width) {
    labels.push(`${b}–${b + width}`);
    values.push(bins.get(b) ?? 0);
  }
  return { labels, values };
}

export default function ResultsCharts({ ranking }: { ranking: Ranking }) {
  const { t } = useLang();
  const hist = histogram(ranking);
  const byTownship = new Map<string, { name: string; totals: number[] }>();
  for (const r of ranking) {
    const township = byTownship.get(r.townshipCode) ?? {
      name: r.townshipName ?? r.townshipCode,
      totals: [],
    };
    township.totals.push(r.total);
    byTownship.set(r.townshipCode, township);
  }
  const townships = [...byTownship.values()];
  const histOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 40 },
    xAxis: { type: 'category', data: hist.labels, name: t('results.total') },
    yAxis: { type: 'value', minInterval: 1, name: t('results.villages') },
    series: [{ type: 'bar', data: hist.values, itemStyle: { color: '#b71c1c' } }],
  };
  const townshipOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 60 },
    xAxis: {
      type: 'category',
      data: townships.map((township) => township.name),
      axisLabel: { rotate: 30 },
    },
    yAxis: { type: 'value', name: t('results.averageScore') },
    series: [
      {
        type: 'bar',
        data: townships.map(
          ({ totals }) =>
            Math.round((totals.reduce((s, v) => s + v, 0) / totals.length) * 100) / 100,
        ),
        itemStyle: { color: '#1677ff' },
      },
    ],
  };
  return (
    <>
      <Col xs={24} lg={12}>
        <Card variant="borderless" title={t('results.histogram')}>
          <Chart option={histOption} testId="chart-histogram" />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card variant="borderless" title={t('results.comparison')}>
          <Chart option={townshipOption} testId="chart-townships" />
        </Card>
      </Col>
    </>
  );
}
