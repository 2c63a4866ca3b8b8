/** Tax lots with their unrealized gain and holding term. */
import type { LotView } from '../../api/types';
import type { Column } from '../../components/data-table/column';
import { DataTable } from '../../components/data-table/data-table';
import { SignedMoney } from '../../components/signed-money';

const COLUMNS: Column<LotView>[] = [
  { key: 'id', header: 'Lot', value: (l) => l.id },
  { key: 'security', header: 'Security', value: (l) => l.securityId },
  { key: 'acquired', header: 'Acquired', value: (l) => l.acquired, format: 'date' },
  { key: 'quantity', header: 'Shares', value: (l) => l.quantity, format: 'quantity' },
  { key: 'basis', header: 'Cost basis', value: (l) => l.costBasisUsd, format: 'money' },
  { key: 'value', header: 'Value', value: (l) => l.valueUsd, format: 'money' },
  {
    key: 'gain',
    header: 'Unrealized gain',
    value: (l) => l.unrealizedGainUsd,
    format: 'money',
    render: (l) => <SignedMoney value={l.unrealizedGainUsd} />,
  },
  {
    key: 'term',
    header: 'Term',
    value: (l) => l.term,
    render: (l) => <span className={`term term-${l.term}`}>{l.term}</span>,
  },
];

/** Props of {@link LotsTable}. */
export interface LotsTableProps {
  lots: LotView[];
}

/** The lots table (largest loss first: what harvesting looks at). */
export function LotsTable({ lots }: LotsTableProps) {
  return (
    <DataTable
      rows={lots}
      columns={COLUMNS}
      rowKey={(l) => l.id}
      initialSort={{ key: 'gain', dir: 'asc' }}
      testId="lots-table"
      empty="No lots."
    />
  );
}
