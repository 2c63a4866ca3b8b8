/**
 * The outputs of `tailor backtest --out DIR`: SVG charts, CSV tables, the HTML report, and the
 * writer that puts them all in a directory. The line chart, the escaper and the atomic file
 * writer also serve `tailor transition`.
 */
export { barChart, lineChart, formatValue } from './svg-chart.js';
export type {
  BarChartSpec,
  BarSeries,
  LineChartSpec,
  LinePoint,
  LineSeries,
  ValueFormat,
} from './svg-chart.js';
export type { LineReference } from './line-chart.js';
export { backtestCharts, type ReportChart } from './charts.js';
export { dailyCsv, summaryCsv, yearlyCsv } from './csv.js';
export { headline, htmlReport, preTaxNote } from './html-report.js';
export { writeBacktestOutputs } from './write-outputs.js';
export { downsample } from './downsample.js';
export { escapeXml } from './escape.js';
export { writeFileAtomic } from './atomic-write.js';
