/**
 * An order's allocations: which account gets how many shares, from which proposal, and how
 * many of them are filled (each fill is shared among the allocations pro rata).
 */
import type { Allocation } from '../../api/types';
import type { Column } from '../../components/data-table/column';
import { DataTable } from '../../components/data-table/data-table';
import { Link } from '../../router/link';
import { href } from '../../router/match';

const COLUMNS: Column<Allocation>[] = [
  {
    key: 'account',
    header: 'Account',
    value: (a) => a.accountId,
    render: (a) => <Link to={href('/accounts', a.accountId)}>{a.accountId}</Link>,
  },
  {
    key: 'household',
    header: 'Household',
    value: (a) => a.householdId,
    render: (a) => <Link to={href('/households', a.householdId)}>{a.householdId}</Link>,
  },
  { key: 'proposal', header: 'Proposal', value: (a) => a.proposalId },
  { key: 'quantity', header: 'Shares', value: (a) => a.quantity, format: 'quantity' },
  {
    key: 'filled',
    header: 'Filled',
    title: 'Shares of this allocation booked so far',
    value: (a) => a.filledQuantity,
    format: 'quantity',
  },
];

/** Props of {@link AllocationsTable}. */
export interface AllocationsTableProps {
  /** Undefined while the order loads. */
  allocations: readonly Allocation[] | undefined;
  loading: boolean;
}

/** The allocations of one order. */
export function AllocationsTable({ allocations, loading }: AllocationsTableProps) {
  return (
    <DataTable
      rows={allocations}
      loading={loading}
      columns={COLUMNS}
      rowKey={(a) => a.tradeId}
      filterable={(allocations?.length ?? 0) > 10}
      testId="allocations-table"
    />
  );
}
