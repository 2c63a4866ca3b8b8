/**
 * `buildResponse`: the response document (spec §2) from the continuous optimum. The optimum is
 * rounded and repaired to tradable trades for the whole household (src/rebalance/trades), and
 * every figure is then re-evaluated from those discrete trades: holdings after, cash, tracking
 * error and drift, realized gains, turnover and whatever limit they exceed.
 */
import type { AccountProposal, RebalanceResponse, TradeLotLine } from '../../domain/index.js';
import type { HouseholdContext } from '../context/index.js';
import type { Formulation } from '../problem/index.js';
import type { ContinuousAccountPlan, HouseholdSolution } from '../solve/index.js';
import {
  addRealized,
  cashAfterSum,
  discreteTurnover,
  discretizeHousehold,
  ExactSum,
  householdLotLines,
  noRealized,
  proposedTrades,
  soldPerSecurity,
  type DiscretePlan,
} from '../trades/index.js';
import { solverError, statusOf, unchangedProposal } from './account-proposal.js';
import { relaxationsOf } from './relaxations.js';
import { riskAfter, riskBefore } from './risk-figures.js';
import { afterSnapshot, beforeSnapshot, exactValue, realizedSummary } from './snapshots.js';

/**
 * One proposal per request account, in request order. `form`/`solution` null: nothing was
 * optimized (no tradable account without error). A solution that is infeasible or failed turns
 * every optimized account into an `error` naming what to change.
 */
export function buildResponse(
  ctx: HouseholdContext,
  form: Formulation | null,
  solution: HouseholdSolution | null,
  plans: ContinuousAccountPlan[],
  householdWarnings: string[],
): RebalanceResponse {
  const failed = solution !== null && solution.status !== 'optimal' ? solution.status : null;
  const optimized = new Set((form?.accounts ?? []).map((b) => b.account));
  const discrete = failed === null ? discretizeHousehold(ctx, plans) : [];
  const planOf = new Map(discrete.map((p, k) => [p.account, k]));
  const lines = householdLotLines(ctx, discrete);
  const household = noRealized();
  for (let k = 0; k < discrete.length; k++) {
    if (ctx.accounts[discrete[k]!.account]!.taxStatus === 'taxable') {
      addRealized(household, [...lines[k]!.values()].flat());
    }
  }
  const before = riskBefore(ctx);
  const after = riskAfter(
    ctx,
    ctx.accounts.map((a) => heldAfter(ctx, a.heldQuantity, discrete[planOf.get(a.index) ?? -1])),
  );
  const accounts: AccountProposal[] = [];
  for (let a = 0; a < ctx.accounts.length; a++) {
    const acc = ctx.accounts[a]!;
    const warnings = [...acc.warnings, ...householdWarnings];
    const value = exactValue(ctx, acc);
    const beforeSnap = beforeSnapshot(acc, value, before[a]!);
    if (!acc.tradable) {
      // Holdings unchanged; in household mode the figures are the household's after trading.
      const heldAway = unchangedProposal(acc, beforeSnap, warnings, null);
      heldAway.summary.after = { ...beforeSnap, ...after[a]! };
      accounts.push(heldAway);
      continue;
    }
    if (acc.error !== null) {
      accounts.push(unchangedProposal(acc, beforeSnap, warnings, acc.error));
      continue;
    }
    if (failed !== null && optimized.has(a)) {
      accounts.push(unchangedProposal(acc, beforeSnap, warnings, solverError(failed)));
      continue;
    }
    const k = planOf.get(a);
    const plan = k === undefined ? undefined : discrete[k];
    const trades = plan === undefined ? [] : proposedTrades(ctx, plan, lines[k!]!);
    const own = noRealized();
    if (acc.taxStatus === 'taxable') {
      const sold: TradeLotLine[] = [];
      for (const t of trades) {
        for (const line of t.lots ?? []) sold.push(line);
      }
      addRealized(own, sold);
    }
    const turnover = plan === undefined ? 0 : discreteTurnover(ctx, plan);
    const relaxed = relaxationsOf(ctx, {
      account: a,
      turnover,
      trackingErrorAfter: after[a]!.trackingError,
      household,
      rounding: plan?.relaxed ?? [],
    });
    const cash =
      plan === undefined
        ? ExactSum.of(acc.cashUsd).minus(acc.withdrawalUsd)
        : cashAfterSum(ctx, plan);
    accounts.push({
      id: acc.id,
      status: statusOf(trades, relaxed),
      trades,
      summary: {
        before: beforeSnap,
        after: afterSnapshot(acc, value, cash, after[a]!),
        ...realizedSummary(ctx, own),
        turnover,
        relaxed,
        warnings: [...warnings, ...(plan?.warnings ?? [])],
      },
      error: null,
    });
  }
  return { asOf: ctx.request.asOf, accounts };
}

/** Shares held after the plan's trades (the holdings as given when there is no plan). */
function heldAfter(
  ctx: HouseholdContext,
  held: Float64Array,
  plan: DiscretePlan | undefined,
): Float64Array {
  if (plan === undefined) return held;
  const sold = soldPerSecurity(ctx, plan);
  const out = new Float64Array(held.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.max(0, held[i]! - sold[i]! + plan.buy[i]!);
  return out;
}
