/**
 * Hand-written SVG charts for the backtest report: standalone 720 × 360 documents, no chart
 * library, no scripts, no external resources.
 */
export { lineChart, type LineChartSpec, type LinePoint, type LineSeries } from './line-chart.js';
export { barChart, type BarChartSpec, type BarSeries } from './bar-chart.js';
export { formatValue, type ValueFormat } from './value-format.js';
