/**
 * From the exact replay to the response document: each line rounded once, to the cent, half away
 * from zero; totals are sums of the rounded lines (taxable accounts only, net of disallowances).
 */
import type { LedgerResponse, OpenLotLine, RealizedLine } from '../domain/index.js';
import { toIso } from './calendar.js';
import { cents, exact, shares, sum } from './exact.js';
import type { RealizedRecord } from './ledger-state.js';
import type { Lot } from './lot.js';

/** One realized line as the response shows it. */
export function realizedLine(r: RealizedRecord): RealizedLine {
  const line: RealizedLine = {
    date: toIso(r.day),
    account: r.account,
    security: r.security,
    lot: r.lot,
    acquired: toIso(r.acquired),
    quantity: shares(r.quantity),
    proceeds: cents(r.proceeds),
    costBasis: cents(r.basis),
    gain: cents(r.proceeds.minus(r.basis)),
    washSaleDisallowed: r.taxable && !r.disallowed.isZero() ? cents(r.disallowed) : 0,
    term: r.longTerm ? 'long' : 'short',
  };
  if (r.kind !== 'sale') line.kind = r.kind;
  if (r.permanent && r.taxable) line.washSalePermanent = true;
  return line;
}

/** One open lot as the response shows it. */
export function openLotLine(lot: Lot): OpenLotLine {
  const line: OpenLotLine = {
    account: lot.account,
    security: lot.security,
    lot: lot.id,
    quantity: shares(lot.quantity),
    costBasis: cents(lot.basis),
    acquired: toIso(lot.acquired),
    washSaleAdjustment: cents(lot.washAdjustment),
  };
  if (lot.bought !== lot.acquired) line.bought = toIso(lot.bought);
  return line;
}

/**
 * Totals: the rounded lines summed in whole cents (integers, so exact while every partial sum
 * stays within 2^53 cents; past that, summed again as decimals).
 */
function totalsOf(realized: readonly RealizedRecord[], lines: readonly RealizedLine[]) {
  const sums = { short: 0, long: 0, disallowed: 0 };
  let safe = true;
  const add = (key: keyof typeof sums, amount: number): void => {
    if (amount === 0) return;
    sums[key] += Math.round(amount * 100);
    if (Math.abs(sums[key]) > Number.MAX_SAFE_INTEGER / 2) safe = false;
  };
  lines.forEach((l, i) => {
    if (!realized[i]!.taxable) return;
    add(l.term, l.gain);
    add(l.term, l.washSaleDisallowed);
    add('disallowed', l.washSaleDisallowed);
  });
  if (safe) {
    return {
      shortTerm: sums.short / 100,
      longTerm: sums.long / 100,
      washSaleDisallowed: sums.disallowed / 100,
    };
  }
  const taxable = lines.filter((_, i) => realized[i]!.taxable);
  const net = (term: 'short' | 'long'): number =>
    cents(
      sum(
        taxable
          .filter((l) => l.term === term)
          .map((l) => exact(l.gain).plus(exact(l.washSaleDisallowed))),
      ),
    );
  return {
    shortTerm: net('short'),
    longTerm: net('long'),
    washSaleDisallowed: cents(sum(taxable.map((l) => exact(l.washSaleDisallowed)))),
  };
}

/** Builds the response; totals sum the rounded lines of taxable accounts. */
export function ledgerResponse(
  realized: readonly RealizedRecord[],
  open: readonly Lot[],
): LedgerResponse {
  const lines = realized.map(realizedLine);
  return { realized: lines, openLots: open.map(openLotLine), totals: totalsOf(realized, lines) };
}
