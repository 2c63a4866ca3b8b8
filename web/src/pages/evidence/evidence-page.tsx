/**
 * `/evidence`: the saved backtests — what loss harvesting added after tax on real history, at
 * what tracking error and turnover — newest first, each opening its detail.
 */
import { listBacktests } from '../../api/backtests-api';
import type { BacktestListItem } from '../../api/types';
import { Card } from '../../components/card';
import type { Column } from '../../components/data-table/column';
import { DataTable } from '../../components/data-table/data-table';
import { ErrorBanner } from '../../components/error-banner';
import { PageHeader } from '../../components/page-header';
import { dateTime } from '../../format/format';
import { useResource } from '../../hooks/use-resource';
import { Link } from '../../router/link';
import { href } from '../../router/match';
import { scenarioLabel, windowLabel } from './describe-backtest';

const COLUMNS: Column<BacktestListItem>[] = [
  {
    key: 'scenario',
    header: 'Backtest',
    value: (b) => scenarioLabel(b.scenario),
    render: (b) => (
      <Link to={href('/evidence', b.id)} title={b.id} data-testid={`backtest-link-${b.id}`}>
        {scenarioLabel(b.scenario)}
      </Link>
    ),
  },
  {
    key: 'window',
    header: 'Window',
    value: (b) => `${windowLabel(b)}, ${b.schedule}`,
    title: 'First and last day simulated; monthly rebalancing, or daily harvest scans too',
  },
  {
    key: 'years',
    header: 'Years',
    value: (b) => b.years,
    align: 'right',
    render: (b) => b.years.toFixed(1),
  },
  {
    key: 'taxAlpha',
    header: 'Tax alpha',
    value: (b) => b.taxAlphaAnnual,
    format: 'percent',
    title: 'After-tax return with harvesting minus without, a year',
  },
  {
    key: 'liquidated',
    header: 'Liquidated',
    value: (b) => b.taxAlphaAnnualLiquidated,
    format: 'percent',
    title: 'Tax alpha a year when both accounts are sold on the last day',
  },
  {
    key: 'te',
    header: 'Tracking error',
    value: (b) => b.trackingError,
    format: 'percent',
    title: 'Realized tracking error of the harvesting account, annualised',
  },
  {
    key: 'turnover',
    header: 'Turnover',
    value: (b) => b.turnover,
    format: 'percent',
    title: 'Turnover of the harvesting account, a year',
  },
  {
    key: 'created',
    header: 'Saved',
    // The ISO moment first, so the text sorts by time; the filter also finds who saved it
    // (shown as the cell's tooltip and on the backtest's page).
    value: (b) => `${b.createdAt} ${b.createdBy}`,
    render: (b) => <span title={`saved by ${b.createdBy}`}>{dateTime(b.createdAt)}</span>,
  },
];

/** What to do when there is nothing to show yet. */
function EmptyEvidence() {
  return (
    <div className="evidence-empty" data-testid="backtests-empty">
      <p>No backtests saved yet.</p>
      <p>
        Run one and keep it in the store with <code>tailor backtest --save</code>, for example{' '}
        <code>tailor backtest --scenario etf-model --save</code>; it shows here.
      </p>
    </div>
  );
}

/** The evidence page. */
export function EvidencePage() {
  const { data, error, loading } = useResource(listBacktests, 'backtests');
  return (
    <>
      <PageHeader
        title="Evidence"
        subtitle="Backtests on real prices: the same household with and without loss harvesting, through the production engine and tax ledger."
      />
      <div className="grid">
        <Card title="Backtests">
          <ErrorBanner error={error} />
          {data && data.total === 0 ? (
            <EmptyEvidence />
          ) : (
            <DataTable
              rows={data?.items}
              total={data?.total}
              loading={loading}
              columns={COLUMNS}
              rowKey={(b) => b.id}
              rowTestId={(b) => `backtest-row-${b.id}`}
              initialSort={{ key: 'created', dir: 'desc' }}
              testId="backtests-table"
              empty="No backtests saved yet: tailor backtest --save adds one."
            />
          )}
        </Card>
      </div>
    </>
  );
}
