/**
 * Repair step (b): a household gain budget the continuous optimum met but the rounded trades
 * exceed. The excess is rounding, so it is undone where rounding put it: gain-lot sales rounded
 * up are trimmed first, the highest gain per share first, one step at a time, until the budget
 * holds; the cash rule is then repaired again. A budget the optimum itself had to exceed is a
 * relaxation (reported from the final trades), not trimmed here.
 *
 * Once no sale rounded up is left, the same lot stays the pick until its sale runs out, so its
 * steps are taken together: as many as the excess needs (see {@link trimSteps}). The result
 * is that of single steps; only the count differs, which matters in a fractional account, whose
 * step is a millionth of a share.
 */
import type { HouseholdContext, LotFacts } from '../context/index.js';
import { repairCash } from './cash-repair.js';
import { continuousSoldOf, lotsBySecurity, soldOf, type DiscretePlan } from './discrete-plan.js';
import { householdLotLines, lotLine } from './lot-lines.js';
import { isMultiple, minusShares, multiple, stepBelow, stepOf, wholeSteps } from './quantities.js';
import { addRealized, budgetFigure, noRealized } from './realized.js';

type BudgetKey = 'shortTerm' | 'longTerm' | 'total';
const KEYS: readonly BudgetKey[] = ['shortTerm', 'longTerm', 'total'];
/** Half a cent: the continuous figure is unrounded. */
const CENT_EPS = 0.005;
/**
 * The QP's budget rows hold to the solver's feasibility tolerance (1e-8, relative to data and
 * iterate norms of a few units) in units of the household value S, so a continuous optimum that
 * met its budget can still read up to ~1e-7·S above it: $0.007 over a short-term budget of 0
 * was solver noise in a demo household, and counting it as "the optimum exceeded the budget"
 * skipped the trim and reported a relaxation for a budget that never had to give way.
 */
const SOLVER_NOISE = 1e-7;
/** A bound on trims: rounding moves each position by at most half a step. */
const MAX_TRIMS = 100_000;

/** Trims the plans (taxable accounts) until every budget the optimum met holds again. */
export function trimGainBudgets(
  ctx: HouseholdContext,
  plans: readonly DiscretePlan[],
  lossSetsBought: ReadonlySet<string>,
): void {
  const taxable = plans.filter((p) => ctx.accounts[p.account]!.taxStatus === 'taxable');
  const touched = new Set<DiscretePlan>();
  const valueUsd = ctx.accounts.reduce((t, a) => t + a.valueUsd, 0);
  const noise = Math.max(CENT_EPS, SOLVER_NOISE * valueUsd);
  for (const key of KEYS) {
    const limit = ctx.gainBudget[key]?.limit;
    if (limit === undefined || continuousGain(ctx, taxable, key) > limit + noise) continue;
    const totals = noRealized();
    for (const lines of householdLotLines(ctx, taxable))
      addRealized(totals, [...lines.values()].flat());
    let excess = budgetFigure(totals, key).toNumber() - limit;
    for (let n = 0; excess > 1e-9 && n < MAX_TRIMS; n++) {
      const pick = pickTrim(ctx, taxable, key);
      if (pick === null) break;
      excess -= pick.up
        ? trimOneStep(ctx, pick.plan, pick.lot)
        : trimSteps(ctx, pick.plan, pick.lot, excess);
      touched.add(pick.plan);
    }
  }
  for (const plan of touched) repairCash(ctx, plan, lossSetsBought);
}

/** A gain lot of the budget's term (any term for `total`). */
function counts(lot: LotFacts, key: BudgetKey): boolean {
  return lot.gainUsd > 0 && (key === 'total' || `${lot.term}Term` === key);
}

/** Net realized gain of the continuous optimum for a budget key (unrounded). */
function continuousGain(
  ctx: HouseholdContext,
  plans: readonly DiscretePlan[],
  key: BudgetKey,
): number {
  let total = 0;
  for (const plan of plans) {
    const { lots } = ctx.accounts[plan.account]!;
    for (let l = 0; l < lots.length; l++) {
      const lot = lots[l]!;
      if (key !== 'total' && `${lot.term}Term` !== key) continue;
      total += (lot.gainUsd / lot.quantity) * plan.continuous.sellQuantity[l]!;
    }
  }
  return total;
}

/** The gain lot to trim next: a position rounded up first, then the highest gain per share. */
function pickTrim(
  ctx: HouseholdContext,
  plans: readonly DiscretePlan[],
  key: BudgetKey,
): { plan: DiscretePlan; lot: number; up: boolean } | null {
  let best: { plan: DiscretePlan; lot: number; up: boolean; gain: number } | null = null;
  for (const plan of plans) {
    const acc = ctx.accounts[plan.account]!;
    // Whether each security's sale was rounded up, once per security (not once per lot).
    const upOf = new Map<number, boolean>();
    const roundedUp = (i: number): boolean => {
      let up = upOf.get(i);
      if (up === undefined) {
        up = soldOf(ctx, plan, i) > continuousSoldOf(ctx, plan, i);
        upOf.set(i, up);
      }
      return up;
    };
    acc.lots.forEach((lot, l) => {
      if (plan.sell[l]! <= 0 || !counts(lot, key)) return;
      if (plan.continuous.block.roles[l] === 'forced') return;
      const up = roundedUp(lot.security);
      const gain = lot.gainUsd / lot.quantity;
      if (best === null || (up && !best.up) || (up === best.up && gain > best.gain)) {
        best = { plan, lot: l, up, gain };
      }
    });
  }
  return best;
}

/**
 * Lowers the security's total sale to the next step below, taking the shares from lot `l`
 * first, then from its other sold lots by gain per share. Returns the realized gain removed.
 */
function trimOneStep(ctx: HouseholdContext, plan: DiscretePlan, l: number): number {
  const acc = ctx.accounts[plan.account]!;
  const i = acc.lots[l]!.security;
  const price = ctx.securities[i]!.priceUsd;
  const total = soldOf(ctx, plan, i);
  let remove = minusShares(total, stepBelow(total, stepOf(ctx, acc, i)));
  const sameSecurity = lotsBySecurity(ctx, acc)[i]!;
  const others = sameSecurity
    .filter((k) => k !== l && plan.sell[k]! > 0)
    // Every other sold lot may give shares (highest gain first), so the security's total stays
    // a whole number of steps even when its gain lots run out.
    .filter((k) => plan.continuous.block.roles[k] !== 'forced')
    .sort(
      (a, b) =>
        acc.lots[b]!.gainUsd / acc.lots[b]!.quantity - acc.lots[a]!.gainUsd / acc.lots[a]!.quantity,
    );
  let removedGain = 0;
  for (const k of [l, ...others]) {
    if (remove <= 0) break;
    const lot = acc.lots[k]!;
    const before = plan.sell[k]!;
    const after = Math.max(0, minusShares(before, Math.min(remove, before)));
    removedGain += gainOf(lot, before, price) - gainOf(lot, after, price);
    plan.sell[k] = after;
    remove = minusShares(remove, minusShares(before, after));
  }
  return removedGain;
}

/** Realized gain of selling q shares of the lot (0 for none). */
function gainOf(lot: LotFacts, q: number, priceUsd: number): number {
  return q > 0 ? lotLine(lot, q, priceUsd).gain : 0;
}

/**
 * The fewest steps j in [1, most] for which `enough(j)` holds, or `most` when none does;
 * `enough` must be monotone (false, then true). Bisection: a fractional account's step is
 * 10⁻⁶ share, so a lot can hold millions of them.
 */
function fewestSteps(most: number, enough: (j: number) => boolean): number {
  if (!enough(most)) return most;
  let lo = 1;
  let hi = most;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (enough(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Trims lot `l` (no sale rounded up is left) by the fewest whole steps that remove `excess` of
 * gain (within 1e-9), at most the steps it holds — what that many single steps would reach,
 * since the removed gain g(q) − g(q − j·step) only grows with j (g is q × gain per share,
 * rounded to the cent, and the lot is a gain lot). Only when the security's sale is a whole
 * number of steps and the lot holds a step; one step otherwise. Returns the gain removed.
 */
function trimSteps(ctx: HouseholdContext, plan: DiscretePlan, l: number, excess: number): number {
  const acc = ctx.accounts[plan.account]!;
  const lot = acc.lots[l]!;
  const price = ctx.securities[lot.security]!.priceUsd;
  const step = stepOf(ctx, acc, lot.security);
  const sold = plan.sell[l]!;
  if (sold < step || !isMultiple(soldOf(ctx, plan, lot.security), step)) {
    return trimOneStep(ctx, plan, l);
  }
  const before = gainOf(lot, sold, price);
  const removed = (j: number): number =>
    before - gainOf(lot, minusShares(sold, multiple(j, step)), price);
  const j = fewestSteps(wholeSteps(sold, step), (k) => removed(k) >= excess - 1e-9);
  plan.sell[l] = minusShares(sold, multiple(j, step));
  return removed(j);
}
