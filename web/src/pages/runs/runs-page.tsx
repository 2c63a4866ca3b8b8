/** `/runs`: start a run (pm, admin) and the list of runs with their summaries. */
import { listRuns } from '../../api/runs-api';
import type { RunView } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { Card } from '../../components/card';
import type { Column } from '../../components/data-table/column';
import { DataTable } from '../../components/data-table/data-table';
import { ErrorBanner } from '../../components/error-banner';
import { PageHeader } from '../../components/page-header';
import { StatusBadge } from '../../components/status-badge';
import { shortId } from '../../format/format';
import { useResource } from '../../hooks/use-resource';
import { Link } from '../../router/link';
import { href } from '../../router/match';
import { describeSelection } from './describe-selection';
import { StartRunForm } from './start-run-form';

const COLUMNS: Column<RunView>[] = [
  {
    key: 'id',
    header: 'Run',
    value: (r) => r.id,
    render: (r) => (
      <Link to={href('/runs', r.id)} title={r.id} data-testid={`run-link-${r.id}`}>
        {shortId(r.id)}
      </Link>
    ),
  },
  {
    key: 'status',
    header: 'Status',
    value: (r) => r.status,
    render: (r) => <StatusBadge status={r.status} />,
  },
  { key: 'asOf', header: 'As of', value: (r) => r.asOf, format: 'date' },
  { key: 'selection', header: 'Selection', value: (r) => describeSelection(r.selection) },
  {
    key: 'households',
    header: 'Households',
    value: (r) => r.summary.householdsSelected,
    format: 'count',
  },
  { key: 'proposed', header: 'With trades', value: (r) => r.summary.proposed, format: 'count' },
  { key: 'trades', header: 'Trades', value: (r) => r.summary.trades, format: 'count' },
  {
    key: 'tax',
    header: 'Est. tax',
    value: (r) => r.book?.estimatedTaxUsd,
    format: 'money',
  },
  { key: 'by', header: 'Started by', value: (r) => r.startedBy },
  { key: 'started', header: 'Started', value: (r) => r.startedAt, format: 'dateTime' },
];

/** The runs page. */
export function RunsPage() {
  const { can } = useSession();
  const { data, error, loading } = useResource(listRuns, 'runs');
  return (
    <>
      <PageHeader title="Runs" />
      <div className="grid">
        {can('startRuns') && (
          <Card title="Start a run" testId="start-run-card">
            <StartRunForm />
          </Card>
        )}
        <Card title="Runs">
          <ErrorBanner error={error} />
          <DataTable
            rows={data?.items}
            total={data?.total}
            loading={loading}
            columns={COLUMNS}
            rowKey={(r) => r.id}
            rowTestId={(r) => `run-row-${r.id}`}
            initialSort={{ key: 'started', dir: 'desc' }}
            testId="runs-table"
            empty="No runs yet."
          />
        </Card>
      </div>
    </>
  );
}
