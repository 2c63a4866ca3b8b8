/**
 * Wash-sale rule (a) within the proposal: a wash set sold at a loss in a taxable account may
 * not be bought anywhere in the household. Selling loss lots and buying are separate choices
 * of one convex problem, so the rule (a complementarity) is enforced between solves: the sets
 * found both sold at a loss and bought are decided (`decideByDirection`) and the problem is
 * solved again.
 */
import type { HouseholdContext } from '../context/index.js';
import type { Formulation } from '../problem/index.js';

/** Value (share of S) below which a trade variable counts as zero. */
export const TRADE_EPS = 1e-9;
/** A trade worth less than this (currency) is solver dust, not a trade. */
export const DUST_USD = 1;

/** Decisions taken so far; applied to the bounds of every later solve. */
export interface WashDecisions {
  blockBuys: Set<string>;
  blockLossSales: Set<string>;
}

/**
 * Interior-point solutions leave inactive variables slightly positive: a trade is what the plan
 * will keep (DUST_USD or more), not solver noise. In units of x.
 */
function dustOf(form: Formulation): number {
  return Math.max(TRADE_EPS, DUST_USD / form.scaleUsd);
}

/** Wash sets that x sells at a loss in a taxable account (more than dust). */
export function lossSoldSets(
  ctx: HouseholdContext,
  form: Formulation,
  x: Float64Array,
): Set<string> {
  const dust = dustOf(form);
  const lossSold = new Set<string>();
  for (const blk of form.accounts) {
    const acc = ctx.accounts[blk.account]!;
    if (acc.taxStatus !== 'taxable') continue;
    for (let l = 0; l < acc.lots.length; l++) {
      const lot = acc.lots[l]!;
      if (lot.gainUsd < 0 && x[blk.sell[l]!]! > dust) {
        lossSold.add(ctx.securities[lot.security]!.washSet);
      }
    }
  }
  return lossSold;
}

/**
 * Undecided wash sets that x both sells at a loss (a taxable account) and buys (anywhere);
 * `lossSold` is lossSoldSets(x) when the caller has it.
 */
export function findWashConflicts(
  ctx: HouseholdContext,
  form: Formulation,
  x: Float64Array,
  decisions: WashDecisions,
  lossSold: ReadonlySet<string> = lossSoldSets(ctx, form, x),
): string[] {
  const dust = dustOf(form);
  const bought = new Set<string>();
  for (const blk of form.accounts) {
    for (let i = 0; i < blk.buy.length; i++) {
      if (x[blk.buy[i]!]! > dust) bought.add(ctx.securities[i]!.washSet);
    }
  }
  return [...lossSold].filter(
    (set) => bought.has(set) && !decisions.blockBuys.has(set) && !decisions.blockLossSales.has(set),
  );
}

/**
 * Decides each conflicting set at x: a harvest (or forced, or last-resort) loss sale is the
 * point, so the set's buys are blocked and a replacement must differ; an incidental loss sale
 * (loss valued at 0) of a set the proposal buys more of than it sells is dropped instead (the
 * position is growing), and otherwise the buys are blocked. One re-solve per round.
 */
export function decideByDirection(
  ctx: HouseholdContext,
  form: Formulation,
  x: Float64Array,
  conflicts: readonly string[],
  decisions: WashDecisions,
): void {
  const lossSold = new Map<string, number>();
  const harvested = new Set<string>();
  const bought = new Map<string, number>();
  for (const blk of form.accounts) {
    const acc = ctx.accounts[blk.account]!;
    for (let i = 0; i < blk.buy.length; i++) {
      addTo(bought, ctx.securities[i]!.washSet, Math.max(0, x[blk.buy[i]!]!));
    }
    if (acc.taxStatus !== 'taxable') continue;
    for (let l = 0; l < acc.lots.length; l++) {
      const lot = acc.lots[l]!;
      if (lot.gainUsd >= 0) continue;
      const set = ctx.securities[lot.security]!.washSet;
      const sold = x[blk.sell[l]!]!;
      addTo(lossSold, set, sold);
      if (sold > TRADE_EPS && blk.roles[l] !== 'free') harvested.add(set);
    }
  }
  for (const set of conflicts) {
    const incidental = !harvested.has(set);
    if (incidental && (bought.get(set) ?? 0) > (lossSold.get(set) ?? 0)) {
      decisions.blockLossSales.add(set);
    } else decisions.blockBuys.add(set);
  }
}

function addTo(m: Map<string, number>, k: string, v: number): void {
  m.set(k, (m.get(k) ?? 0) + v);
}

/** Applies the decisions to the problem's upper bounds (restored from the base first). */
export function applyWashDecisions(
  ctx: HouseholdContext,
  form: Formulation,
  decisions: WashDecisions,
): void {
  const ub = form.problem.ub;
  ub.set(form.baseUb);
  for (const blk of form.accounts) {
    const acc = ctx.accounts[blk.account]!;
    for (let i = 0; i < blk.buy.length; i++) {
      if (decisions.blockBuys.has(ctx.securities[i]!.washSet)) ub[blk.buy[i]!] = 0;
    }
    if (acc.taxStatus !== 'taxable') continue;
    for (let l = 0; l < acc.lots.length; l++) {
      const lot = acc.lots[l]!;
      const set = ctx.securities[lot.security]!.washSet;
      const free = blk.roles[l] !== 'forced';
      if (lot.gainUsd < 0 && free && decisions.blockLossSales.has(set)) ub[blk.sell[l]!] = 0;
    }
  }
}

/** A copy of `d` whose sets can change without changing `d`'s. */
export function cloneDecisions(d: WashDecisions): WashDecisions {
  return { blockBuys: new Set(d.blockBuys), blockLossSales: new Set(d.blockLossSales) };
}

/** Wash sets a forced (noHold) sale realizes at a loss in a taxable account: never bought. */
export function forcedLossSets(ctx: HouseholdContext, form: Formulation): Set<string> {
  const sets = new Set<string>();
  for (const blk of form.accounts) {
    const acc = ctx.accounts[blk.account]!;
    if (acc.taxStatus !== 'taxable') continue;
    for (let l = 0; l < acc.lots.length; l++) {
      const lot = acc.lots[l]!;
      if (blk.roles[l] === 'forced' && lot.gainUsd < 0) {
        sets.add(ctx.securities[lot.security]!.washSet);
      }
    }
  }
  return sets;
}
