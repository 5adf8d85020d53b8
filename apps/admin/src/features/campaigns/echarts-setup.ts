// The parts of ECharts the result charts use, registered once; only imported dynamically (from
// results-charts.tsx), so ECharts stays out of the entry chunk and out of the results page.
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export { init };
