/**
 * Tracking-error groups: one per account, or one for the household in household mode (with
 * total-holding variables and each account's cash pulled to its target). See risk-terms.ts
 * for the math.
 */
import type { HouseholdContext } from '../context/index.js';
import { accountRiskAversion } from './risk-aversion.js';
import type { AccountBlock, RiskGroup } from './formulation.js';
import type { QpBuilder } from './qp-builder.js';
import { addRiskTerms } from './risk-terms.js';

/** Household mode: cash deviating from the account's target is priced like a 20%-vol asset. */
const CASH_PULL_VARIANCE = 0.04;

/** One risk group per account, or one for the household. */
export function addGroups(
  b: QpBuilder,
  riskCost: Map<number, number>,
  ctx: HouseholdContext,
  blocks: AccountBlock[],
  scaleUsd: number,
): RiskGroup[] {
  const n = ctx.securities.length;
  const groups: RiskGroup[] = [];
  if (ctx.householdMode && ctx.householdBenchmark !== null) {
    const after = ctx.accounts.reduce((t, a) => t + a.afterValueUsd, 0);
    if (blocks.length === 0 || after <= 0) return groups;
    const total = new Int32Array(n);
    const inBlock = new Set(blocks.map((blk) => blk.account));
    for (let i = 0; i < n; i++) {
      total[i] = b.variable(-Infinity, Infinity);
      b.openEquality();
      b.term(total[i]!, 1);
      for (const blk of blocks) if (blk.live[i] === 1) b.term(blk.hold[i]!, -1);
      let fixed = 0;
      for (const a of ctx.accounts) {
        if (!inBlock.has(a.index)) fixed += a.heldQuantity[i]! * ctx.securities[i]!.priceUsd;
      }
      b.closeEquality(fixed / scaleUsd);
    }
    const ratio = scaleUsd / after;
    const factorVar = addRiskTerms(
      b,
      riskCost,
      ctx.risk,
      ctx.securities,
      total,
      ctx.householdBenchmark,
      ratio,
    );
    // Each account's cash is pulled toward its own target: κ (B_a/B) ((S/B_a) c_a − t_a)², κ = CASH_PULL_VARIANCE.
    for (const blk of blocks) {
      const acc = ctx.accounts[blk.account]!;
      if (acc.afterValueUsd <= 0) continue;
      const w = (acc.afterValueUsd / after) * CASH_PULL_VARIANCE;
      const ra = scaleUsd / acc.afterValueUsd;
      b.curvature(blk.cash, blk.cash, 2 * w * ra * ra);
      riskCost.set(blk.cash, -2 * w * ra * acc.settings.cashTargetWeight);
    }
    groups.push({
      accounts: blocks.map((blk) => blk.account),
      afterValueUsd: after,
      benchmark: ctx.householdBenchmark,
      weightVar: total,
      factorVar,
      baseAversion:
        (Math.max(...blocks.map((blk) => accountRiskAversion(ctx, blk.account))) * after) /
        scaleUsd,
      maxTrackingError: ctx.householdMaxTrackingError?.limit,
    });
    return groups;
  }
  for (const blk of blocks) {
    const acc = ctx.accounts[blk.account]!;
    if (acc.afterValueUsd <= 0) continue;
    const ratio = scaleUsd / acc.afterValueUsd;
    const factorVar = addRiskTerms(
      b,
      riskCost,
      ctx.risk,
      ctx.securities,
      blk.hold,
      acc.benchmark,
      ratio,
      blk.live,
    );
    groups.push({
      accounts: [blk.account],
      afterValueUsd: acc.afterValueUsd,
      benchmark: acc.benchmark,
      weightVar: blk.hold,
      factorVar,
      baseAversion: (accountRiskAversion(ctx, blk.account) * acc.afterValueUsd) / scaleUsd,
      maxTrackingError: acc.settings.maxTrackingError,
    });
  }
  return groups;
}
