// A chart of the 统计 page's register views, drawn by the results page's lazily loaded ECharts
// component (this module is itself loaded only when a chart is shown).
import { Chart } from '../campaigns/results-charts';

export default function RegisterChart({ option, testId }: { option: unknown; testId: string }) {
  return <Chart option={option} testId={testId} />;
}
