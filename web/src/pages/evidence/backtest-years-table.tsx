/** A backtest year by year: tax alpha, losses harvested, tax of both arms, tracking error, turnover. */
import type { BacktestYear } from '../../api/types';
import type { Column } from '../../components/data-table/column';
import { DataTable } from '../../components/data-table/data-table';

const COLUMNS: Column<BacktestYear>[] = [
  { key: 'year', header: 'Year', value: (y) => String(y.year) },
  {
    key: 'taxAlpha',
    header: 'Tax alpha',
    value: (y) => y.taxAlpha,
    format: 'percent',
    title: 'After-tax return with harvesting minus without, that year',
  },
  {
    key: 'harvested',
    header: 'Losses harvested',
    value: (y) => y.harvest.harvestedLossUsd,
    format: 'money',
  },
  {
    key: 'taxHarvest',
    header: 'Tax, harvesting',
    value: (y) => y.harvest.taxUsd,
    format: 'money',
    title: 'Tax paid (negative: refunded) by the harvesting account',
  },
  {
    key: 'taxPlain',
    header: 'Tax, not harvesting',
    value: (y) => y.noHarvest.taxUsd,
    format: 'money',
  },
  {
    key: 'te',
    header: 'Tracking error',
    value: (y) => y.harvest.trackingError,
    format: 'percent',
    title: 'Realized tracking error of the harvesting account, annualised',
  },
  { key: 'turnover', header: 'Turnover', value: (y) => y.harvest.turnover, format: 'percent' },
];

/** Props of {@link BacktestYearsTable}. */
export interface BacktestYearsTableProps {
  years: readonly BacktestYear[];
}

/** One row per calendar year. */
export function BacktestYearsTable({ years }: BacktestYearsTableProps) {
  return (
    <DataTable
      rows={years}
      columns={COLUMNS}
      rowKey={(y) => String(y.year)}
      rowTestId={(y) => `backtest-year-${y.year}`}
      initialSort={{ key: 'year', dir: 'asc' }}
      filterable={false}
      testId="backtest-years-table"
    />
  );
}
