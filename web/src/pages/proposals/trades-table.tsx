/** A proposal's trades with the reasons the engine gave for each. */
import type { ProposalTrade } from '../../api/types';
import type { Column } from '../../components/data-table/column';
import { DataTable } from '../../components/data-table/data-table';
import { SignedMoney } from '../../components/signed-money';
import { Link } from '../../router/link';
import { href } from '../../router/match';

/** Reasons in words, as the team talks about them. */
export const REASON_LABELS: Readonly<Record<string, string>> = {
  model: 'model',
  drift: 'drift',
  cashNeed: 'cash need',
  restriction: 'restriction',
  substitution: 'substitution',
  taxLossHarvest: 'tax-loss harvest',
  replacement: 'wash-sale replacement',
  riskReduction: 'risk reduction',
};

/** A trade with its realized gain (sells). */
export type TradeRow = ProposalTrade & { gainUsd: number | undefined };

const COLUMNS: Column<TradeRow>[] = [
  {
    key: 'account',
    header: 'Account',
    value: (t) => t.accountId,
    render: (t) => <Link to={href('/accounts', t.accountId)}>{t.accountId}</Link>,
  },
  {
    key: 'side',
    header: 'Side',
    value: (t) => t.side,
    render: (t) => <span className={`side side-${t.side}`}>{t.side}</span>,
  },
  { key: 'security', header: 'Security', value: (t) => t.securityId },
  { key: 'quantity', header: 'Shares', value: (t) => t.quantity, format: 'quantity' },
  { key: 'price', header: 'Price', value: (t) => t.priceUsd, format: 'price' },
  { key: 'value', header: 'Value', value: (t) => t.valueUsd, format: 'money' },
  {
    key: 'gain',
    header: 'Realized gain',
    value: (t) => t.gainUsd,
    format: 'money',
    render: (t) => (t.gainUsd === undefined ? '—' : <SignedMoney value={t.gainUsd} />),
  },
  {
    key: 'reasons',
    header: 'Reasons',
    wrap: true,
    value: (t) => t.reasons.map((r) => REASON_LABELS[r] ?? r).join(', '),
    render: (t) => (
      <span className="reasons" data-testid="trade-reasons">
        {t.reasons.map((r) => (
          <span key={r} className={`reason reason-${r}`}>
            {REASON_LABELS[r] ?? r}
          </span>
        ))}
      </span>
    ),
  },
];

/** Props of {@link TradesTable}. */
export interface TradesTableProps {
  trades: TradeRow[];
}

/** The trades table. */
export function TradesTable({ trades }: TradesTableProps) {
  return (
    <DataTable
      rows={trades}
      columns={COLUMNS}
      rowKey={(t) => t.id}
      rowTestId={() => 'trade-row'}
      initialSort={{ key: 'value', dir: 'desc' }}
      filterable={trades.length > 10}
      testId="trades-table"
      empty="No trades."
    />
  );
}
