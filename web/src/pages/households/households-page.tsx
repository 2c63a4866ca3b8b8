/** `/households`: every household (an advisor's own), with value and largest drift. */
import { useState } from 'react';
import { listHouseholds } from '../../api/book-api';
import type { HouseholdSummary } from '../../api/types';
import type { Column } from '../../components/data-table/column';
import { DataTable } from '../../components/data-table/data-table';
import { ErrorBanner } from '../../components/error-banner';
import { CheckField } from '../../components/form/check-field';
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

/** What the page shows of the book: all of it, or the first page of the order asked for. */
function coverage(shown: number, total: number, onlyOut: boolean): string {
  const what = onlyOut ? 'households out of tolerance' : 'households';
  if (shown >= total) return `${total.toLocaleString('en-US')} ${what}`;
  return `The ${shown.toLocaleString('en-US')} ${what} with the largest drift, of ${total.toLocaleString('en-US')}`;
}

/**
 * The household list: the book's households by largest drift, largest first — sorted over the
 * whole book by the server, so the first page holds the book's worst, however many there are.
 */
export function HouseholdsPage() {
  const [onlyOut, setOnlyOut] = useState(false);
  const { data, error, loading } = useResource(
    () => listHouseholds({ sort: 'drift', ...(onlyOut ? { outOfTolerance: 'true' } : {}) }),
    `households:${onlyOut}`,
  );
  return (
    <>
      <PageHeader
        title="Households"
        subtitle={
          data && (
            <span data-testid="households-coverage">
              {coverage(data.items.length, data.total, onlyOut)}
            </span>
          )
        }
        actions={
          <CheckField
            label="Out of tolerance only"
            checked={onlyOut}
            onChange={(v) => setOnlyOut(v === true)}
            testId="households-out-only"
          />
        }
      />
      <ErrorBanner error={error} />
      <DataTable
        rows={data?.items}
        total={data?.total}
        loading={loading}
        columns={COLUMNS}
        rowKey={(h) => h.id}
        rowTestId={(h) => `household-row-${h.id}`}
        initialSort={{ key: 'drift', dir: 'desc' }}
        testId="households-table"
        empty={onlyOut ? 'No household is out of tolerance.' : 'No households.'}
      />
    </>
  );
}
