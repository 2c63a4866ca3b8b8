/** `/households`: every household (an advisor's own), with value and largest drift. */
import { listHouseholds } from '../../api/book-api';
import type { HouseholdSummary } from '../../api/types';
import type { Column } from '../../components/data-table/column';
import { DataTable } from '../../components/data-table/data-table';
import { ErrorBanner } from '../../components/error-banner';
import { PageHeader } from '../../components/page-header';
import { useResource } from '../../hooks/use-resource';
import { Link } from '../../router/link';
import { href } from '../../router/match';
import { DriftValue } from './drift-value';

const COLUMNS: Column<HouseholdSummary>[] = [
  {
    key: 'id',
    header: 'Household',
    value: (h) => h.id,
    render: (h) => (
      <Link to={href('/households', h.id)} data-testid={`household-link-${h.id}`}>
        {h.id}
      </Link>
    ),
  },
  { key: 'name', header: 'Name', value: (h) => h.name },
  { key: 'advisor', header: 'Advisor', value: (h) => h.advisor },
  { key: 'accounts', header: 'Accounts', value: (h) => h.accounts, format: 'count' },
  { key: 'value', header: 'Value', value: (h) => h.valueUsd, format: 'money' },
  { key: 'cash', header: 'Cash', value: (h) => h.cashUsd, format: 'money' },
  {
    key: 'drift',
    header: 'Largest drift',
    value: (h) => h.maxDrift,
    format: 'percent',
    render: (h) => <DriftValue drift={h.maxDrift} over={h.outOfTolerance} />,
  },
];

/** The household list. */
export function HouseholdsPage() {
  const { data, error, loading } = useResource(() => listHouseholds(), 'households');
  return (
    <>
      <PageHeader title="Households" />
      <ErrorBanner error={error} />
      <DataTable
        rows={data?.items}
        loading={loading}
        columns={COLUMNS}
        rowKey={(h) => h.id}
        rowTestId={(h) => `household-row-${h.id}`}
        initialSort={{ key: 'drift', dir: 'desc' }}
        testId="households-table"
        empty="No households."
      />
    </>
  );
}
