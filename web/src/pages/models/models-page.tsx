/** `/models`: every model at its latest version. */
import { listModels } from '../../api/models-api';
import type { ModelSummary } from '../../api/types';
import { useSession } from '../../auth/session-context';
import type { Column } from '../../components/data-table/column';
import { DataTable } from '../../components/data-table/data-table';
import { ErrorBanner } from '../../components/error-banner';
import { PageHeader } from '../../components/page-header';
import { useResource } from '../../hooks/use-resource';
import { Link } from '../../router/link';
import { href } from '../../router/match';

const COLUMNS: Column<ModelSummary>[] = [
  {
    key: 'id',
    header: 'Model',
    value: (m) => m.id,
    render: (m) => (
      <Link to={href('/models', m.id)} data-testid={`model-link-${m.id}`}>
        {m.id}
      </Link>
    ),
  },
  { key: 'name', header: 'Name', value: (m) => m.name },
  { key: 'targets', header: 'Targets', value: (m) => m.targets.length, format: 'count' },
  {
    key: 'weight',
    header: 'Invested',
    value: (m) => m.targets.reduce((s, t) => s + t.weight, 0),
    format: 'percent',
    title: 'Sum of target weights; the rest is cash',
  },
  { key: 'accounts', header: 'Accounts', value: (m) => m.accounts, format: 'count' },
  { key: 'version', header: 'Version', value: (m) => m.version, format: 'count' },
  { key: 'changed', header: 'Changed', value: (m) => m.changedAt, format: 'dateTime' },
  { key: 'by', header: 'By', value: (m) => m.changedBy },
];

/** The model list. */
export function ModelsPage() {
  const { can } = useSession();
  const { data, error, loading } = useResource(listModels, 'models');
  return (
    <>
      <PageHeader
        title="Models"
        actions={
          can('editModels') && (
            <Link className="button button-primary" to="/models/new" data-testid="model-new">
              New model
            </Link>
          )
        }
      />
      <ErrorBanner error={error} />
      <DataTable
        rows={data?.items}
        total={data?.total}
        loading={loading}
        columns={COLUMNS}
        rowKey={(m) => m.id}
        rowTestId={(m) => `model-row-${m.id}`}
        initialSort={{ key: 'id', dir: 'asc' }}
        testId="models-table"
      />
    </>
  );
}
