/**
 * The rules that never give way, checked on the discrete trades rather than assumed from the
 * optimum: no buy of a noBuy security (noBuy, noHold, a substitution's `from`, a recent wash-sale
 * block) or in sellOnly mode, no sale of a noSell lot, and wash-sale rule (a) across the
 * household: no buy, anywhere, of a wash set sold at a loss in a taxable account in this
 * proposal. Dropping a buy only raises cash, so the guard cannot break the cash rule.
 */
import type { HouseholdContext } from '../context/index.js';
import type { DiscretePlan } from './discrete-plan.js';

/** Wash sets sold at a loss in a taxable account by the plans. */
export function lossSoldSets(ctx: HouseholdContext, plans: readonly DiscretePlan[]): Set<string> {
  const sets = new Set<string>();
  for (const plan of plans) {
    const acc = ctx.accounts[plan.account]!;
    if (acc.taxStatus !== 'taxable') continue;
    acc.lots.forEach((lot, l) => {
      if (plan.sell[l]! > 0 && lot.gainUsd < 0) sets.add(ctx.securities[lot.security]!.washSet);
    });
  }
  return sets;
}

/** Wash sets some plan buys (a loss sale in them would cancel those buys). */
export function boughtSets(ctx: HouseholdContext, plans: readonly DiscretePlan[]): Set<string> {
  const sets = new Set<string>();
  for (const plan of plans) {
    plan.buy.forEach((q, i) => {
      if (q > 0) sets.add(ctx.securities[i]!.washSet);
    });
  }
  return sets;
}

/** Removes every trade the rules forbid; returns how many were removed. */
export function enforceRules(ctx: HouseholdContext, plans: readonly DiscretePlan[]): number {
  let removed = 0;
  const lossSold = lossSoldSets(ctx, plans);
  for (const plan of plans) {
    const acc = ctx.accounts[plan.account]!;
    const { roles } = plan.continuous.block;
    acc.lots.forEach((lot, l) => {
      const frozen = roles[l] === 'frozen' || acc.rules.noSell[lot.security] === 1;
      if (frozen && plan.sell[l]! > 0) {
        plan.sell[l] = 0;
        removed++;
      }
    });
    plan.buy.forEach((q, i) => {
      if (q <= 0) return;
      const set = ctx.securities[i]!.washSet;
      const blocked =
        acc.rules.noBuy[i] === 1 ||
        acc.settings.mode === 'sellOnly' ||
        ctx.wash.buyBlocked.has(set) ||
        lossSold.has(set);
      if (!blocked) return;
      plan.buy[i] = 0;
      removed++;
    });
  }
  return removed;
}
