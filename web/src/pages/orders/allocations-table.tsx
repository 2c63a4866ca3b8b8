/** An order's allocations: which account gets how many shares, from which proposal. */
import { getOrder } from '../../api/orders-api';
import type { Allocation } from '../../api/types';
import type { Column } from '../../components/data-table/column';
import { DataTable } from '../../components/data-table/data-table';
import { ErrorBanner } from '../../components/error-banner';
import { useResource } from '../../hooks/use-resource';
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
];

/** Props of {@link AllocationsTable}. */
export interface AllocationsTableProps {
  order: string;
}

/** The allocations of one order, loaded when the row is opened. */
export function AllocationsTable({ order }: AllocationsTableProps) {
  const { data, error, loading } = useResource(() => getOrder(order), order);
  return (
    <>
      <ErrorBanner error={error} />
      <DataTable
        rows={data?.allocations}
        loading={loading}
        columns={COLUMNS}
        rowKey={(a) => a.tradeId}
        filterable={(data?.allocations.length ?? 0) > 10}
        testId="allocations-table"
      />
    </>
  );
}
