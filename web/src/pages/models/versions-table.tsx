/** A model's versions, newest first. */
import type { ModelVersion } from '../../api/types';
import type { Column } from '../../components/data-table/column';
import { DataTable } from '../../components/data-table/data-table';

const COLUMNS: Column<ModelVersion>[] = [
  { key: 'version', header: 'Version', value: (v) => v.version, format: 'count' },
  { key: 'at', header: 'Changed', value: (v) => v.changedAt, format: 'dateTime' },
  { key: 'by', header: 'By', value: (v) => v.changedBy },
  { key: 'note', header: 'Note', value: (v) => v.note },
  { key: 'targets', header: 'Targets', value: (v) => v.targets.length, format: 'count' },
  {
    key: 'sum',
    header: 'Invested',
    value: (v) => v.targets.reduce((s, t) => s + t.weight, 0),
    format: 'percent',
  },
];

/** Props of {@link VersionsTable}. */
export interface VersionsTableProps {
  versions: ModelVersion[];
}

/** The versions table. */
export function VersionsTable({ versions }: VersionsTableProps) {
  return (
    <DataTable
      rows={versions}
      columns={COLUMNS}
      rowKey={(v) => `${v.version}`}
      initialSort={{ key: 'version', dir: 'desc' }}
      filterable={false}
      testId="model-versions"
    />
  );
}
