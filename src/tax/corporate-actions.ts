/**
 * Corporate actions, applied to every account of the household: splits (and reverse splits and
 * stock dividends), ticker changes, returns of capital, spin-offs.
 */
import type {
  Problem,
  ReturnOfCapitalTransaction,
  SpinoffTransaction,
  SplitRatio,
} from '../domain/index.js';
import { isLongTerm, toDay } from './calendar.js';
import { exact, ZERO, type Exact } from './exact.js';
import { heldKey, type LedgerState } from './ledger-state.js';
import { purchaseName, type Lot } from './lot.js';
import { scaleShares } from './scale-shares.js';

/** A split ratio as exact new and old share counts: `2` → 2/1, `"1:12"` → 1/12. */
export function splitFraction(ratio: SplitRatio): { newShares: Exact; oldShares: Exact } {
  if (typeof ratio === 'number') return { newShares: exact(ratio), oldShares: exact(1) };
  const [newShares = '', oldShares = ''] = ratio.split(':');
  return { newShares: exact(newShares.trim()), oldShares: exact(oldShares.trim()) };
}

/** The open lots of `security`, one list per account (each in buy order). */
function positionsOf(state: LedgerState, security: string): Lot[][] {
  const byAccount = new Map<string, Lot[]>();
  for (const lot of state.holdings.lotsOfSecurity(security)) {
    const lots = byAccount.get(lot.account);
    if (lots) lots.push(lot);
    else byAccount.set(lot.account, [lot]);
  }
  return [...byAccount.values()];
}

/**
 * Scales every open lot of `security` by new ÷ old to 6 decimals, each account's lots together
 * so that they add up to its position × new ÷ old rounded once, and the parts of one purchase to
 * its share of that (see scale-shares.ts); basis and holding period unchanged.
 */
export function applySplit(state: LedgerState, security: string, ratio: SplitRatio): void {
  const { newShares, oldShares } = splitFraction(ratio);
  for (const lots of positionsOf(state, security)) {
    const scaled = scaleShares(
      lots.map((l) => l.quantity),
      newShares,
      oldShares,
      lots.map((l) => purchaseName(l.id)),
    );
    lots.forEach((lot, i) => (lot.quantity = scaled[i]!));
  }
}

/** A ticker change: lots carry over unchanged under the new name. */
export function applyRename(state: LedgerState, from: string, to: string): void {
  for (const lot of state.holdings.lotsOfSecurity(from))
    state.everHeld.add(heldKey(lot.account, to));
  state.holdings.rename(from, to);
}

/**
 * A return of capital of `returnOfCapital` per share lowers each lot's basis; what exceeds the
 * remaining basis is a gain of the lot's term on that date (basis stays at zero).
 */
export function applyReturnOfCapital(state: LedgerState, tx: ReturnOfCapitalTransaction): void {
  const day = toDay(tx.date);
  const perShare = exact(tx.returnOfCapital);
  for (const lot of state.holdings.lotsOfSecurity(tx.security)) {
    const amount = perShare.times(lot.quantity);
    if (amount.lessThanOrEqualTo(lot.basis)) {
      lot.basis = lot.basis.minus(amount);
      continue;
    }
    const excess = amount.minus(lot.basis);
    lot.basis = ZERO;
    state.realized.push({
      day,
      account: lot.account,
      security: tx.security,
      lot: lot.id,
      originId: lot.originId,
      acquired: lot.acquired,
      quantity: ZERO,
      proceeds: excess,
      basis: ZERO,
      disallowed: ZERO,
      permanent: false,
      longTerm: isLongTerm(lot.acquired, day),
      kind: 'returnOfCapital',
      taxable: state.taxStatus.get(lot.account) === 'taxable',
    });
  }
}

/** The id of the lot a spin-off creates from `lot`: `<lot id>+<new security>`. */
export function spinoffLotId(lot: Lot, security: string): string {
  return `${lot.id}+${security}`;
}

/**
 * A spin-off: each lot of the parent gets a lot of `ratio` new shares per old share (6 decimals,
 * each account's new lots adding up to its position × ratio rounded once), with `basisFraction`
 * of its basis and the same holding-period start. Spun-off shares were not purchased, so they
 * replace nothing under the wash-sale rule.
 */
export function applySpinoff(
  state: LedgerState,
  tx: SpinoffTransaction,
  index: number,
): Problem | undefined {
  const { security, ratio, basisFraction } = tx.spinoff;
  if (security === tx.security) {
    return {
      path: ['transactions', index, 'spinoff', 'security'],
      code: 'spinoffIntoItself',
      message: `a spin-off must create a different security than ${tx.security}; use split for a stock dividend`,
    };
  }
  const fraction = exact(basisFraction);
  // positionsOf lists the parent's lots before any child lot is added.
  const children = positionsOf(state, tx.security).flatMap((lots) => {
    const scaled = scaleShares(
      lots.map((l) => l.quantity),
      exact(ratio),
      exact(1),
      lots.map((l) => purchaseName(l.id)),
    );
    return lots.map((lot, i) => ({ lot, quantity: scaled[i]! }));
  });
  for (const { lot, quantity } of children) {
    if (quantity.isZero()) continue;
    const basis = lot.basis.times(fraction);
    const adjustment = lot.washAdjustment.times(fraction);
    lot.basis = lot.basis.minus(basis);
    lot.washAdjustment = lot.washAdjustment.minus(adjustment);
    const id = spinoffLotId(lot, security);
    state.lotIds.get(lot.account)?.add(id);
    state.everHeld.add(heldKey(lot.account, security));
    state.holdings.add({
      ...lot,
      id,
      originId: id,
      security,
      quantity,
      basis,
      washAdjustment: adjustment,
      isAcquisition: false,
      replacementUsed: true,
    });
  }
  return undefined;
}
