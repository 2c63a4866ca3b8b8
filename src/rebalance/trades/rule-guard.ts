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
    for (let l = 0; l < acc.lots.length; l++) {
      const lot = acc.lots[l]!;
      if (plan.sell[l]! > 0 && lot.gainUsd < 0) sets.add(ctx.securities[lot.security]!.washSet);
    }
  }
  return sets;
}

/** Wash sets some plan buys (a loss sale in them would cancel those buys). */
export function boughtSets(ctx: HouseholdContext, plans: readonly DiscretePlan[]): Set<string> {
  const sets = new Set<string>();
  for (const plan of plans) {
    for (let i = 0; i < plan.buy.length; i++) {
      if (plan.buy[i]! > 0) sets.add(ctx.securities[i]!.washSet);
    }
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
    for (let l = 0; l < acc.lots.length; l++) {
      if (!(plan.sell[l]! > 0)) continue;
      if (roles[l] === 'frozen' || acc.rules.noSell[acc.lots[l]!.security] === 1) {
        plan.sell[l] = 0;
        removed++;
      }
    }
    for (let i = 0; i < plan.buy.length; i++) {
      if (plan.buy[i]! <= 0) continue;
      const set = ctx.securities[i]!.washSet;
      const blocked =
        acc.rules.noBuy[i] === 1 ||
        acc.settings.mode === 'sellOnly' ||
        ctx.wash.buyBlocked.has(set) ||
        lossSold.has(set);
      if (!blocked) continue;
      plan.buy[i] = 0;
      removed++;
    }
  }
  return removed;
}
