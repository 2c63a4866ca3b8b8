/** Holdings with weight against target and the drift between them. */
import type { Holding } from '../../api/types';
import type { Column } from '../../components/data-table/column';
import { DataTable } from '../../components/data-table/data-table';
import { SignedMoney } from '../../components/signed-money';
import { DriftValue } from '../households/drift-value';

/** Props of {@link HoldingsTable}. */
export interface HoldingsTableProps {
  holdings: Holding[];
  threshold: number;
}

/** The holdings table. */
export function HoldingsTable({ holdings, threshold }: HoldingsTableProps) {
  const columns: Column<Holding>[] = [
    {
      key: 'security',
      header: 'Security',
      value: (h) => h.securityId,
      render: (h) => <span title={h.name}>{h.securityId}</span>,
    },
    { key: 'quantity', header: 'Shares', value: (h) => h.quantity, format: 'quantity' },
    { key: 'price', header: 'Price', value: (h) => h.priceUsd, format: 'price' },
    { key: 'value', header: 'Value', value: (h) => h.valueUsd, format: 'money' },
    {
      key: 'gain',
      header: 'Unrealized',
      value: (h) => h.unrealizedGainUsd,
      format: 'money',
      render: (h) => <SignedMoney value={h.unrealizedGainUsd} />,
    },
    { key: 'weight', header: 'Weight', value: (h) => h.weight, format: 'percent' },
    { key: 'target', header: 'Target', value: (h) => h.targetWeight, format: 'percent' },
    {
      key: 'drift',
      header: 'Drift',
      value: (h) => h.drift,
      format: 'percent',
      render: (h) => <DriftValue drift={h.drift} threshold={threshold} />,
    },
  ];
  return (
    <DataTable
      rows={holdings}
      columns={columns}
      rowKey={(h) => h.securityId}
      initialSort={{ key: 'value', dir: 'desc' }}
      testId="holdings-table"
      empty="No holdings."
    />
  );
}
