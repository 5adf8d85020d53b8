// The score histogram and the township comparison, with ECharts loaded only here (a lazy chunk
// of a lazy page), so the first screen stays small.
import { useEffect, useRef } from 'react';
import { Card, Col } from 'antd';
import { useLang } from '../../i18n';
import type { Results } from './model';
import type { SubjectWords } from './subject-words';

type EChartsInstance = { setOption(option: unknown): void; resize(): void; dispose(): void };

/** ECharts with the bar chart, loaded on first use. */
function loadECharts() {
  return import('./echarts-setup');
}

export function Chart({ option, testId }: { option: unknown; testId: string }) {
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

export default function ResultsCharts({
  histogram,
  progress,
  words,
}: {
  histogram: Results['histogram'];
  progress: Results['progress'];
  words: SubjectWords;
}) {
  const { t } = useLang();
  // every bin from the lowest to the highest reached, empty ones included
  const bins: { label: string; count: number }[] = [];
  if (histogram.length > 0) {
    const counts = new Map(histogram.map((b) => [b.from, b.count]));
    const width = histogram[0]!.to - histogram[0]!.from;
    for (let from = histogram[0]!.from; from <= histogram.at(-1)!.from; from += width)
      bins.push({ label: `${from}–${from + width}`, count: counts.get(from) ?? 0 });
  }
  const townships = progress.filter((p) => p.average !== null);
  const histOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 40 },
    xAxis: { type: 'category', data: bins.map((b) => b.label), name: t('results.total') },
    yAxis: { type: 'value', minInterval: 1, name: t('results.villages', words) },
    series: [{ type: 'bar', data: bins.map((b) => b.count), itemStyle: { color: '#b71c1c' } }],
  };
  const townshipOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 60 },
    xAxis: {
      type: 'category',
      data: townships.map((township) => township.townshipName),
      axisLabel: { rotate: 30 },
    },
    yAxis: { type: 'value', name: t('results.averageScore') },
    series: [
      {
        type: 'bar',
        data: townships.map((township) => township.average),
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
