/** The approval queue's columns. */
import type { ProposalSummary } from '../../api/types';
import type { Column } from '../../components/data-table/column';
import { shortId } from '../../format/format';
import { SignedMoney } from '../../components/signed-money';
import { StatusBadge } from '../../components/status-badge';
import { Link } from '../../router/link';
import { href } from '../../router/match';

/** Household, run, status, trades, estimated tax, relaxed settings, reason. */
export const proposalColumns: Column<ProposalSummary>[] = [
  {
    key: 'household',
    header: 'Household',
    value: (p) => p.householdId,
    render: (p) => (
      <Link to={href('/households', p.householdId)} title={p.householdName}>
        {p.householdId}
      </Link>
    ),
  },
  { key: 'name', header: 'Name', value: (p) => p.householdName },
  { key: 'advisor', header: 'Advisor', value: (p) => p.advisor },
  {
    key: 'run',
    header: 'Run',
    value: (p) => p.runId,
    render: (p) => (
      <Link to={href('/runs', p.runId)} title={p.runId}>
        {shortId(p.runId)}
      </Link>
    ),
  },
  {
    key: 'status',
    header: 'Status',
    value: (p) => p.status,
    render: (p) => <StatusBadge status={p.status} />,
  },
  { key: 'trades', header: 'Trades', value: (p) => p.trades, format: 'count' },
  {
    key: 'tax',
    header: 'Est. tax',
    value: (p) => p.estimatedTaxUsd,
    format: 'money',
    render: (p) => <SignedMoney value={p.estimatedTaxUsd} cost />,
    title: 'Estimated tax of the trades (negative: losses save tax)',
  },
  {
    key: 'relaxed',
    header: 'Relaxed',
    value: (p) => p.relaxed.join(', '),
    title: 'Settings that gave way',
    wrap: true,
  },
  { key: 'reason', header: 'Reason', wrap: true, value: (p) => p.reason },
];
