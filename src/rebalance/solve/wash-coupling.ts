/**
 * Wash-sale rule (a) within the proposal: a wash set sold at a loss in a taxable account may
 * not be bought anywhere in the household. Selling loss lots and buying are separate choices
 * of one convex problem, so the rule (a complementarity) is enforced between solves: a set
 * found both sold at a loss and bought is decided — its buys are blocked when the loss is a
 * harvest or forced (the loss is the point; replacements must differ), otherwise its loss sales
 * are blocked (the loss was incidental to rebalancing) — and the problem is solved again.
 */
import type { HouseholdContext } from '../context/index.js';
import type { Formulation } from '../problem/index.js';

/** Value (share of S) below which a trade variable counts as zero. */
export const TRADE_EPS = 1e-9;

/** Decisions taken so far; applied to the bounds of every later solve. */
export interface WashDecisions {
  blockBuys: Set<string>;
  blockLossSales: Set<string>;
}

/** Finds the conflicts at x and records a decision for each; returns how many were new. */
export function decideWashConflicts(
  ctx: HouseholdContext,
  form: Formulation,
  x: Float64Array,
  decisions: WashDecisions,
): number {
  const lossSold = new Map<string, boolean>(); // wash set → some harvest/forced loss sale
  for (const blk of form.accounts) {
    const acc = ctx.accounts[blk.account]!;
    if (acc.taxStatus !== 'taxable') continue;
    acc.lots.forEach((lot, l) => {
      if (lot.gainUsd >= 0 || x[blk.sell[l]!]! <= TRADE_EPS) return;
      const set = ctx.securities[lot.security]!.washSet;
      const role = blk.roles[l];
      const strong = role === 'harvest' || role === 'forced' || role === 'lastResort';
      lossSold.set(set, (lossSold.get(set) ?? false) || strong);
    });
  }
  let added = 0;
  for (const [set, strong] of lossSold) {
    if (decisions.blockBuys.has(set) || decisions.blockLossSales.has(set)) continue;
    const bought = form.accounts.some((blk) =>
      Array.from(blk.buy).some((v, i) => ctx.securities[i]!.washSet === set && x[v]! > TRADE_EPS),
    );
    if (!bought) continue;
    (strong ? decisions.blockBuys : decisions.blockLossSales).add(set);
    added++;
  }
  return added;
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
    blk.buy.forEach((v, i) => {
      if (decisions.blockBuys.has(ctx.securities[i]!.washSet)) ub[v] = 0;
    });
    if (acc.taxStatus !== 'taxable') continue;
    acc.lots.forEach((lot, l) => {
      const set = ctx.securities[lot.security]!.washSet;
      const free = blk.roles[l] !== 'forced';
      if (lot.gainUsd < 0 && free && decisions.blockLossSales.has(set)) ub[blk.sell[l]!] = 0;
    });
  }
}
