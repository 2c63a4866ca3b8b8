/**
 * From the continuous optimum to tradable quantities for the whole household, in the order the
 * limits matter: round; enforce the rules that never give way; (a) the cash rule; (b) the
 * household gain budgets; (c) turnover; (d) minTradeValue; the rules once more (wash-sale rule (a)
 * reads the final loss sales); then the exemption notes. Every step re-evaluates the discrete
 * trades themselves; nothing is assumed from the optimum.
 */
import type { HouseholdContext } from '../context/index.js';
import type { ContinuousAccountPlan } from '../solve/index.js';
import { repairCash } from './cash-repair.js';
import type { DiscretePlan } from './discrete-plan.js';
import { noteExemptions } from './exemptions.js';
import { trimGainBudgets } from './gain-trim.js';
import { applyMinTradeValue } from './min-trade.js';
import { roundPlan } from './round-plan.js';
import { boughtSets, enforceRules } from './rule-guard.js';
import { trimTurnover } from './turnover-trim.js';

/** The discrete plans of the household, one per continuous plan, in the same order. */
export function discretizeHousehold(
  ctx: HouseholdContext,
  plans: readonly ContinuousAccountPlan[],
): DiscretePlan[] {
  const out = plans.map((p) => roundPlan(ctx, p));
  enforceRules(ctx, out);
  for (const plan of out) {
    if (!repairCash(ctx, plan, boughtSets(ctx, out))) {
      plan.warnings.push(
        `${ctx.accounts[plan.account]!.id}: the cash rule could not be restored after rounding`,
      );
    }
  }
  trimGainBudgets(ctx, out, boughtSets(ctx, out));
  for (const plan of out) trimTurnover(ctx, plan, boughtSets(ctx, out));
  for (const plan of out) applyMinTradeValue(ctx, plan, boughtSets(ctx, out));
  enforceRules(ctx, out);
  for (const plan of out) noteExemptions(ctx, plan);
  return out;
}
