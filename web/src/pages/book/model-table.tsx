/** The overview's per-model table. */
import type { BookModelLine, BookOverview } from '../../api/types';
import type { Column } from '../../components/data-table/column';
import { DataTable } from '../../components/data-table/data-table';
import { href } from '../../router/match';
import { Link } from '../../router/link';

const COLUMNS: Column<BookModelLine>[] = [
  {
    key: 'model',
    header: 'Model',
    value: (m) => m.name || m.modelId || 'No model',
    render: (m) =>
      m.modelId ? (
        <Link to={href('/models', m.modelId)}>{m.name || m.modelId}</Link>
      ) : (
        'No model (own portfolio)'
      ),
  },
  { key: 'id', header: 'Id', value: (m) => m.modelId },
  { key: 'accounts', header: 'Accounts', value: (m) => m.accounts, format: 'count' },
  { key: 'value', header: 'Assets', value: (m) => m.valueUsd, format: 'money' },
  {
    key: 'out',
    header: 'Out of tolerance',
    value: (m) => m.accountsOutOfTolerance,
    format: 'count',
  },
  {
    key: 'share',
    header: 'Share out',
    value: (m) => (m.accounts > 0 ? m.accountsOutOfTolerance / m.accounts : null),
    format: 'percent',
  },
];

/** Props of {@link ModelTable}. */
export interface ModelTableProps {
  book: BookOverview;
}

/** One row per model. */
export function ModelTable({ book }: ModelTableProps) {
  return (
    <DataTable
      rows={book.byModel}
      columns={COLUMNS}
      rowKey={(m) => m.modelId ?? '(none)'}
      initialSort={{ key: 'value', dir: 'desc' }}
      testId="book-models-table"
    />
  );
}
