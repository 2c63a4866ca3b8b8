/**
 * Buys and sells: a buy opens a lot (split into its reserved replacement parts); a sell relieves
 * lots by the method, records one line per lot, and applies the wash-sale rule to its losses.
 */
import type { Problem, TradeTransaction } from '../domain/index.js';
import { isLongTerm, toDay, type Day } from './calendar.js';
import { exact, sum, ZERO, type Exact } from './exact.js';
import { heldKey, type LedgerState, type RealizedRecord } from './ledger-state.js';
import { splitLot, type Lot } from './lot.js';
import { namedLots, reliefOrder } from './relief.js';
import { markReplacement, washLossLine } from './wash-sale.js';

/** Where a transaction sits: its replay position and its index in the request. */
export interface Step {
  seq: number;
  index: number;
}

function problem(step: Step, field: string | null, code: string, message: string): Problem {
  const path: (string | number)[] = ['transactions', step.index];
  if (field !== null) path.push(field);
  return { path, code, message };
}

/** The id a buy without `lot` gets: `<security>@<date>#<n>` (n = its transaction index). */
export function generatedLotId(tx: TradeTransaction, index: number): string {
  return `${tx.security}@${tx.date}#${index}`;
}

/** Replays a buy. */
export function applyBuy(
  state: LedgerState,
  tx: TradeTransaction,
  step: Step,
): Problem | undefined {
  const id = tx.lot ?? generatedLotId(tx, step.index);
  const ids = state.lotIds.get(tx.account)!;
  if (ids.has(id)) {
    return problem(
      step,
      'lot',
      'duplicateLot',
      `lot id "${id}" is already used in account "${tx.account}"; give each buy its own lot id`,
    );
  }
  ids.add(id);
  const day = toDay(tx.date);
  const known = state.buyBySeq.get(step.seq);
  const quantity = known?.quantity ?? exact(tx.quantity);
  const cost = quantity.times(exact(tx.price));
  const lot: Lot = {
    id,
    originId: id,
    account: tx.account,
    security: tx.security,
    quantity,
    basis: tx.fee === undefined ? cost : cost.plus(exact(tx.fee)),
    washAdjustment: ZERO,
    acquired: day,
    bought: day,
    order: step.seq,
    partRank: 1,
    isAcquisition: true,
    replacementUsed: false,
  };
  for (const r of known?.reservations ?? []) {
    const part = r.quantity.equals(lot.quantity) ? lot : splitLot(lot, r.quantity, ids);
    markReplacement(part, r.disallowed, r.acquired, r.permanent);
    if (part !== lot) state.holdings.add(part);
  }
  if (!lot.quantity.isZero()) state.holdings.add(lot);
  state.everHeld.add(heldKey(tx.account, tx.security));
  return undefined;
}

interface Relief {
  lot: Lot;
  quantity: Exact;
}

function pickSpecific(tx: TradeTransaction, held: readonly Lot[], step: Step): Relief[] | Problem {
  const picks = tx.lots ?? [];
  const total = sum(picks.map((p) => exact(p.quantity)));
  if (!total.equals(exact(tx.quantity))) {
    return problem(
      step,
      'lots',
      'specIdMismatch',
      `the named lots sum to ${total.toString()} shares but the sell is for ${tx.quantity}; make them equal`,
    );
  }
  const left = new Map(held.map((lot) => [lot, lot.quantity]));
  const out: Relief[] = [];
  for (const [j, pick] of picks.entries()) {
    const named = namedLots(held, pick.lot);
    const where = (): Problem => ({
      path: ['transactions', step.index, 'lots', j, 'lot'],
      code: named.length === 0 ? 'unknownLot' : 'lotTooSmall',
      message:
        named.length === 0
          ? `lot "${pick.lot}" is not an open lot of ${tx.security} in account "${tx.account}" on ${tx.date}; name one of: ${held.map((l) => l.id).join(', ') || '(none)'}`
          : `lot "${pick.lot}" holds fewer than ${pick.quantity} shares on ${tx.date}; sell at most what it holds`,
    });
    let need = exact(pick.quantity);
    for (const lot of named) {
      const available = left.get(lot)!;
      const m = available.lessThan(need) ? available : need;
      if (m.isZero()) continue;
      out.push({ lot, quantity: m });
      left.set(lot, available.minus(m));
      need = need.minus(m);
    }
    if (!need.isZero()) return where();
  }
  return out;
}

/** Replays a sell. */
export function applySell(
  state: LedgerState,
  tx: TradeTransaction,
  step: Step,
): Problem | undefined {
  const day: Day = toDay(tx.date);
  const quantity = exact(tx.quantity);
  const held = state.holdings.lots(tx.account, tx.security);
  // Whether the holding covers the sale: summed only as far as needed (all of it only when short).
  let heldQuantity = ZERO;
  for (const lot of held) {
    if (!heldQuantity.lessThan(quantity)) break;
    heldQuantity = heldQuantity.plus(lot.quantity);
  }
  if (heldQuantity.isZero() && !state.everHeld.has(heldKey(tx.account, tx.security))) {
    return problem(
      step,
      'security',
      'sellBeforeBuy',
      `sells ${tx.security} in account "${tx.account}" on ${tx.date} before any buy of it there; add the purchase (or an opening lot) first`,
    );
  }
  if (heldQuantity.lessThan(quantity)) {
    return problem(
      step,
      'quantity',
      'sellExceedsHolding',
      `sells ${tx.quantity} ${tx.security} but account "${tx.account}" holds ${heldQuantity.toString()} on ${tx.date}; short sales are not supported, so sell at most what is held`,
    );
  }
  const gross = tx.proceeds === undefined ? quantity.times(exact(tx.price)) : exact(tx.proceeds);
  const proceeds = tx.fee === undefined ? gross : gross.minus(exact(tx.fee));
  let reliefs: Relief[];
  if (tx.lots) {
    const picked = pickSpecific(tx, held, step);
    if (!Array.isArray(picked)) return picked;
    reliefs = picked;
  } else {
    reliefs = [];
    let need = quantity;
    // Proceeds per share matter only to MINTAX.
    const perShare = state.method === 'MINTAX' ? proceeds.div(quantity) : ZERO;
    for (const lot of reliefOrder(state.method, held, perShare, day)) {
      if (need.isZero()) break;
      // A reverse split can round a lot to 0 shares: it keeps its basis but relieves nothing.
      if (lot.quantity.isZero()) continue;
      const m = lot.quantity.lessThan(need) ? lot.quantity : need;
      reliefs.push({ lot, quantity: m });
      need = need.minus(m);
    }
  }
  const taxable = state.taxStatus.get(tx.account) === 'taxable';
  const lines: RealizedRecord[] = reliefs.map(({ lot, quantity: m }) => {
    const whole = m.equals(lot.quantity);
    const basis = whole ? lot.basis : lot.basis.times(m).div(lot.quantity);
    if (!lot.washAdjustment.isZero()) {
      const adjustment = whole ? lot.washAdjustment : lot.washAdjustment.times(m).div(lot.quantity);
      lot.washAdjustment = lot.washAdjustment.minus(adjustment);
    }
    lot.quantity = lot.quantity.minus(m);
    lot.basis = lot.basis.minus(basis);
    return {
      day,
      account: tx.account,
      security: tx.security,
      lot: lot.id,
      originId: lot.originId,
      acquired: lot.acquired,
      quantity: m,
      proceeds: m.equals(quantity) ? proceeds : proceeds.times(m).div(quantity),
      basis,
      disallowed: ZERO,
      permanent: false,
      longTerm: isLongTerm(lot.acquired, day),
      kind: 'sale',
      taxable,
    };
  });
  state.holdings.prune(tx.account, tx.security);
  // Rule 3: shares sold in this sale are gone from the holdings before any matching; rule 7:
  // sales in deferred/exempt accounts trigger nothing.
  if (taxable) for (const line of lines) washLossLine(state, line, step.seq);
  state.realized.push(...lines);
  return undefined;
}
