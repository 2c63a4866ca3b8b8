/**
 * The report's charts, drawn from a backtest result: what was harvested, what it was worth each
 * year, what it cost in tracking error and turnover, and how the account grew.
 */
import type { BacktestResult } from '../result.js';
import { barChart } from './bar-chart.js';
import { lineChart } from './line-chart.js';

/** One chart: its file name (kebab-case, `.svg`), its title, and the SVG text. */
export interface ReportChart {
  file: string;
  title: string;
  svg: string;
}

const HARVEST = 'With harvesting';
const NO_HARVEST = 'Without harvesting';

/** The five report charts, in the order the report shows them. */
export function backtestCharts(result: BacktestResult): ReportChart[] {
  const { daily, years } = result;
  const categories = years.map((y) => String(y.year));
  const charts: ReportChart[] = [];
  const add = (file: string, title: string, draw: (title: string) => string): void => {
    charts.push({ file, title, svg: draw(title) });
  };

  add('cumulative-harvested-losses.svg', 'Cumulative harvested losses', (title) =>
    lineChart({
      title,
      yLabel: 'Losses harvested so far (USD)',
      format: 'usd',
      series: [
        {
          name: 'Harvested losses',
          points: daily.map((d) => ({ x: d.date, y: d.cumulativeHarvestedLossUsd })),
        },
      ],
    }),
  );
  add('tax-alpha-by-year.svg', 'Tax alpha by year', (title) =>
    barChart({
      title,
      yLabel: 'Harvest minus no harvest, after tax',
      format: 'percent',
      categories,
      series: [{ name: 'Tax alpha', values: years.map((y) => y.taxAlpha) }],
    }),
  );
  add('tracking-error-by-year.svg', 'Tracking error by year', (title) =>
    barChart({
      title,
      yLabel: 'Tracking error (annualised)',
      format: 'percent',
      categories,
      series: [
        { name: HARVEST, values: years.map((y) => y.harvest.trackingError) },
        { name: NO_HARVEST, values: years.map((y) => y.noHarvest.trackingError) },
      ],
    }),
  );
  add('turnover-by-year.svg', 'Turnover by year', (title) =>
    barChart({
      title,
      yLabel: 'Turnover',
      format: 'percent',
      categories,
      series: [
        { name: HARVEST, values: years.map((y) => y.harvest.turnover) },
        { name: NO_HARVEST, values: years.map((y) => y.noHarvest.turnover) },
      ],
    }),
  );
  add('account-growth.svg', 'Growth of the account', (title) =>
    lineChart({
      title,
      yLabel: 'Account value (USD)',
      format: 'usd',
      series: [
        { name: HARVEST, points: daily.map((d) => ({ x: d.date, y: d.harvestValueUsd })) },
        { name: NO_HARVEST, points: daily.map((d) => ({ x: d.date, y: d.noHarvestValueUsd })) },
        { name: 'Benchmark', points: daily.map((d) => ({ x: d.date, y: d.benchmarkValueUsd })) },
      ],
    }),
  );
  return charts;
}
