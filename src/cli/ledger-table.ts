/**
 * The ledger response as tables a person reads: realized lines, totals, open lots.
 */
import type { LedgerResponse } from '../domain/index.js';
import { formatMoney, formatQuantity, formatTable } from './format-table.js';

/** Renders a ledger response for a terminal. */
export function ledgerTable(response: LedgerResponse): string {
  const realized = formatTable(
    [
      { heading: 'Date' },
      { heading: 'Account' },
      { heading: 'Security' },
      { heading: 'Lot' },
      { heading: 'Acquired' },
      { heading: 'Quantity', numeric: true },
      { heading: 'Proceeds', numeric: true },
      { heading: 'Cost basis', numeric: true },
      { heading: 'Gain', numeric: true },
      { heading: 'Wash disallowed', numeric: true },
      { heading: 'Term' },
    ],
    response.realized.map((r) => [
      r.date,
      r.account,
      r.security,
      r.lot,
      r.acquired,
      formatQuantity(r.quantity),
      formatMoney(r.proceeds),
      formatMoney(r.costBasis),
      formatMoney(r.gain),
      r.washSaleDisallowed === 0
        ? ''
        : formatMoney(r.washSaleDisallowed) + (r.washSalePermanent ? ' (permanent)' : ''),
      r.kind === 'returnOfCapital' ? `${r.term} (return of capital)` : r.term,
    ]),
  );
  const { totals } = response;
  const summary = formatTable(
    [{ heading: 'Taxable accounts' }, { heading: 'Amount', numeric: true }],
    [
      ['Net short-term gain', formatMoney(totals.shortTerm)],
      ['Net long-term gain', formatMoney(totals.longTerm)],
      ['Wash-sale loss disallowed', formatMoney(totals.washSaleDisallowed)],
    ],
  );
  const open = formatTable(
    [
      { heading: 'Account' },
      { heading: 'Security' },
      { heading: 'Lot' },
      { heading: 'Acquired' },
      { heading: 'Quantity', numeric: true },
      { heading: 'Cost basis', numeric: true },
      { heading: 'Wash adjustment', numeric: true },
    ],
    response.openLots.map((l) => [
      l.account,
      l.security,
      l.lot,
      l.acquired,
      formatQuantity(l.quantity),
      formatMoney(l.costBasis),
      l.washSaleAdjustment === 0 ? '' : formatMoney(l.washSaleAdjustment),
    ]),
  );
  return [
    `Realized gains and losses (${response.realized.length} lines)`,
    realized,
    '',
    summary,
    '',
    `Open lots (${response.openLots.length})`,
    open,
  ].join('\n');
}
