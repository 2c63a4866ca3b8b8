/** Every settings version of an account, newest first, with what each one set. */
import { getSettingsHistory } from '../../api/book-api';
import type { SettingsVersion } from '../../api/types';
import type { Column } from '../../components/data-table/column';
import { DataTable } from '../../components/data-table/data-table';
import { ErrorBanner } from '../../components/error-banner';
import { useResource } from '../../hooks/use-resource';
import { summarizeSettings } from './summarize-settings';

const COLUMNS: Column<SettingsVersion>[] = [
  { key: 'version', header: 'Version', value: (v) => v.version, format: 'count' },
  { key: 'at', header: 'Changed', value: (v) => v.changedAt, format: 'dateTime' },
  { key: 'by', header: 'By', value: (v) => v.changedBy },
  { key: 'note', header: 'Note', value: (v) => v.note },
  {
    key: 'settings',
    header: 'Settings',
    wrap: true,
    value: (v) => summarizeSettings(v.settings).join(', ') || 'firm defaults',
    sortable: false,
  },
];

/** Props of {@link SettingsHistory}. */
export interface SettingsHistoryProps {
  account: string;
  /** Changes after a save, to load the history again. */
  refresh: number;
}

/** The history table. */
export function SettingsHistory({ account, refresh }: SettingsHistoryProps) {
  const { data, error, loading } = useResource(
    () => getSettingsHistory(account),
    `${account}#${refresh}`,
  );
  return (
    <>
      <ErrorBanner error={error} />
      <DataTable
        rows={data?.items}
        loading={loading}
        columns={COLUMNS}
        rowKey={(v) => `${v.version}`}
        initialSort={{ key: 'version', dir: 'desc' }}
        filterable={false}
        testId="settings-history"
        empty="No settings versions: the account uses the firm defaults."
      />
    </>
  );
}
