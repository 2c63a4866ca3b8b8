/**
 * The wash-sale rule (IRC §1091; Treas. Reg. 1.1091-1; policy rules 1–9 in docs/tax.md): match
 * a loss sale's shares to substantially identical shares acquired within 30 days before or after,
 * share by share in acquisition order, and move the disallowed loss into the replacements.
 */
import type { Day } from './calendar.js';
import { Exact, ZERO } from './exact.js';
import type { LedgerState, RealizedRecord } from './ledger-state.js';
import { compareBuyOrder, splitLot, type Lot } from './lot.js';
import { matchAcrossSplits, splitsBetween } from './split-matching.js';

/** Calendar days on each side of a sale (IRC §1091(a)). */
export const WASH_WINDOW_DAYS = 30;

/**
 * A loss at or below this many dollars is noise of the 50-digit arithmetic, not a loss. A basis
 * relieved or grown pro rata (basis × m ÷ q, loss × m ÷ Q, each rounded to 50 digits) can exceed
 * its exact value by ~10⁻⁴⁹: a lot of 6 shares for $20 relieved one share at a time leaves a last
 * share 3 × 10⁻⁴⁹ above 10/3, and sold for exactly 10/3 it showed a "loss" that split a later
 * purchase and tacked its holding period back. A true loss between amounts of the ledger's inputs
 * is far larger (lot relief compares per-share amounts at 20 decimals for the same reason).
 */
const LOSS_NOISE_USD = new Exact('1e-30');

/**
 * Marks `lot` as replacement shares: it can replace nothing else, and unless the loss is lost for
 * good (rule 6) its basis grows by the disallowed loss and its holding period is tacked (rule 5).
 */
export function markReplacement(
  lot: Lot,
  disallowed: Exact,
  acquired: Day,
  permanent: boolean,
): void {
  lot.replacementUsed = true;
  lot.partRank = 0;
  if (permanent) return;
  lot.basis = lot.basis.plus(disallowed);
  lot.washAdjustment = lot.washAdjustment.plus(disallowed);
  lot.acquired = acquired;
}

function isTaxable(state: LedgerState, account: string): boolean {
  return state.taxStatus.get(account) === 'taxable';
}

/** Open lots that may still replace sold shares of `line` (rules 3, 4, 8), in acquisition order. */
function heldCandidates(state: LedgerState, line: RealizedRecord): Lot[] {
  const out: Lot[] = [];
  const earliest = line.day - WASH_WINDOW_DAYS;
  for (const ticker of state.identity.tickers(line.security)) {
    state.holdings.forEachOfSecurity(ticker, (lot) => {
      if (!lot.isAcquisition || lot.replacementUsed || lot.originId === line.originId) return;
      // A lot a reverse split rounded to 0 shares replaces nothing (it made a loss in an IRA
      // "permanently disallowed" with nothing disallowed).
      if (lot.quantity.isZero()) return;
      if (lot.bought >= earliest) out.push(lot);
    });
  }
  return out.length > 1 ? out.sort(compareBuyOrder) : out;
}

/** First index in `buys` with `seq` after `seq` (binary search; buys are in replay order). */
function firstAfter(buys: readonly { seq: number }[], seq: number): number {
  let lo = 0;
  let hi = buys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (buys[mid]!.seq <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Applies the wash-sale rule to one realized loss line of a taxable account sold at replay
 * position `seq`. Held replacements are split and adjusted now; later purchases are reserved and
 * adjusted when they are replayed, counted in shares as they stood at the sale where a split of
 * theirs came in between (split-matching.ts). Sets `line.disallowed` and `line.permanent`.
 *
 * Disallowed loss for m of the line's Q shares: loss × m ÷ Q; the match that completes the line
 * takes what is left of the loss, so that a fully replaced line disallows exactly its loss (50-digit
 * rounding of loss × Q ÷ Q could otherwise exceed it). Replacement start:
 * acquired = replacement trade date − (sale date − sold shares' start).
 */
export function washLossLine(state: LedgerState, line: RealizedRecord, seq: number): void {
  const loss = line.basis.minus(line.proceeds);
  if (!loss.greaterThan(LOSS_NOISE_USD)) return;
  const heldFor = line.day - line.acquired;
  let need = line.quantity;
  let disallowed = ZERO;
  const take = (available: Exact): Exact => {
    const m = available.lessThan(need) ? available : need;
    need = need.minus(m);
    return m;
  };
  const share = (m: Exact): Exact =>
    need.isZero() ? loss.minus(disallowed) : loss.times(m).div(line.quantity);

  for (const lot of heldCandidates(state, line)) {
    if (need.isZero()) break;
    const m = take(lot.quantity);
    const part = m.equals(lot.quantity) ? lot : splitLot(lot, m, state.lotIds.get(lot.account)!);
    const amount = share(m);
    markReplacement(part, amount, lot.bought - heldFor, !isTaxable(state, lot.account));
    // Added after marking, so that it sorts as an adjusted part: before the rest of its lot.
    if (part !== lot) state.holdings.add(part);
    disallowed = disallowed.plus(amount);
    if (!isTaxable(state, lot.account)) line.permanent = true;
  }

  const buys = state.buysByRoot.get(state.identity.root(line.security)) ?? [];
  for (let i = firstAfter(buys, seq); i < buys.length && !need.isZero(); i++) {
    const buy = buys[i]!;
    if (buy.day > line.day + WASH_WINDOW_DAYS) break;
    const available = buy.quantity.minus(buy.reserved);
    if (available.isZero()) continue;
    const match = matchAcrossSplits(
      available,
      need,
      splitsBetween(state, buy.security, seq, buy.seq),
    );
    if (match === null) continue;
    need = need.minus(match.sold);
    const amount = share(match.sold);
    const permanent = !isTaxable(state, buy.account);
    buy.reservations.push({
      quantity: match.bought,
      disallowed: amount,
      acquired: buy.day - heldFor,
      permanent,
    });
    buy.reserved = buy.reserved.plus(match.bought);
    disallowed = disallowed.plus(amount);
    if (permanent) line.permanent = true;
  }
  line.disallowed = need.isZero() ? loss : disallowed;
}
