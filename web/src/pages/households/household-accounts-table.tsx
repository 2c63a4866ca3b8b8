/** A household's accounts: tax status, model, value, cash, drift, customizations. */
import type { HouseholdAccount } from '../../api/types';
import type { Column } from '../../components/data-table/column';
import { DataTable } from '../../components/data-table/data-table';
import { Link } from '../../router/link';
import { href } from '../../router/match';
import { summarizeSettings } from '../account/summarize-settings';
import { DriftValue } from './drift-value';

const COLUMNS: Column<HouseholdAccount>[] = [
  {
    key: 'id',
    header: 'Account',
    value: (a) => a.id,
    render: (a) => (
      <Link to={href('/accounts', a.id)} data-testid={`account-link-${a.id}`}>
        {a.id}
      </Link>
    ),
  },
  { key: 'name', header: 'Name', value: (a) => a.name },
  { key: 'tax', header: 'Tax status', value: (a) => a.taxStatus },
  {
    key: 'model',
    header: 'Model',
    value: (a) => a.modelId ?? (a.tradable ? 'own portfolio' : 'held away'),
  },
  { key: 'value', header: 'Value', value: (a) => a.valueUsd, format: 'money' },
  { key: 'cash', header: 'Cash', value: (a) => a.cashUsd, format: 'money' },
  {
    key: 'drift',
    header: 'Largest drift',
    value: (a) => a.maxDrift,
    format: 'percent',
    render: (a) => <DriftValue drift={a.maxDrift} threshold={a.driftThreshold} />,
  },
  {
    key: 'custom',
    header: 'Customizations',
    wrap: true,
    value: (a) => summarizeSettings(a.settings).join(', '),
    sortable: false,
  },
];

/** Props of {@link HouseholdAccountsTable}. */
export interface HouseholdAccountsTableProps {
  accounts: HouseholdAccount[];
}

/** The accounts table. */
export function HouseholdAccountsTable({ accounts }: HouseholdAccountsTableProps) {
  return (
    <DataTable
      rows={accounts}
      columns={COLUMNS}
      rowKey={(a) => a.id}
      rowTestId={(a) => `account-row-${a.id}`}
      filterable={accounts.length > 8}
      testId="household-accounts-table"
    />
  );
}
