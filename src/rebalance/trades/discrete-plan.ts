/**
 * One account's trades in tradable quantities, and the figures every repair step re-evaluates
 * from them: trade values, cash after trading, turnover. Nothing is carried over from the
 * continuous optimum except what the repairs compare against (how much a quantity was rounded
 * up, whether a limit was met before rounding).
 *
 * Trade values are whole cents (quantity × price rounded once, src/rebalance/trades/money.ts),
 * so cash after trading is an exact sum; {@link CashBook} keeps it up to date as a repair step
 * changes one security at a time instead of re-adding every trade.
 */
import type { Relaxation } from '../../domain/index.js';
import type { Exact } from '../../tax/index.js';
import type { AccountContext, HouseholdContext } from '../context/index.js';
import type { ContinuousAccountPlan } from '../solve/index.js';
import { centsToNumber, ExactSum, exactShareSum, tradeCents } from './money.js';

/** An account's discrete trades; quantities are mutated in place by the repair steps. */
export interface DiscretePlan {
  account: number;
  continuous: ContinuousAccountPlan;
  /** Shares sold per lot (context lot order). */
  sell: Float64Array;
  /** Shares bought per security. */
  buy: Float64Array;
  /** Lots whose sale (or part of it) the cash repair added: sold for the cash need. */
  cashSales: Set<number>;
  /** Securities whose sell was kept below minTradeValue because the cash rule needs it. */
  cashKept: Set<number>;
  warnings: string[];
  /** Limits the discrete steps had to exceed (trading.minTradeValue). */
  relaxed: Relaxation[];
}

/**
 * Whether the plan sells lot `l` to raise cash: a sale the cash repair added, or any sale of a
 * last-resort lot (one the optimizer may sell only for the cash need).
 */
export function soldForCash(plan: DiscretePlan, l: number): boolean {
  return (
    plan.sell[l]! > 0 && (plan.cashSales.has(l) || plan.continuous.block.roles[l] === 'lastResort')
  );
}

const NO_LOTS: readonly number[] = [];
const lotIndex = new WeakMap<AccountContext, readonly (readonly number[])[]>();

/** The account's lots of each security (indices in lot order), built once per account. */
export function lotsBySecurity(
  ctx: HouseholdContext,
  acc: AccountContext,
): readonly (readonly number[])[] {
  let index = lotIndex.get(acc);
  if (index === undefined) {
    const bySecurity: number[][] = [];
    for (let l = 0; l < acc.lots.length; l++) (bySecurity[acc.lots[l]!.security] ??= []).push(l);
    const built: (readonly number[])[] = [];
    for (let i = 0; i < ctx.securities.length; i++) built.push(bySecurity[i] ?? NO_LOTS);
    index = built;
    lotIndex.set(acc, index);
  }
  return index;
}

/** Shares sold of security `i` over the account's lots. */
export function soldOf(ctx: HouseholdContext, plan: DiscretePlan, i: number): number {
  const lots = lotsBySecurity(ctx, ctx.accounts[plan.account]!)[i]!;
  const total = new ExactSum();
  for (const l of lots) total.add(plan.sell[l]!);
  return total.toNumber();
}

/** Shares sold of security `i`, added lot by lot (as {@link soldPerSecurity} adds them). */
function soldOfSecurity(lots: readonly number[], sell: Float64Array): number {
  let total = 0;
  for (const l of lots) if (sell[l]! > 0) total = exactShareSum(total, sell[l]!);
  return total;
}

/** Shares sold per security. */
export function soldPerSecurity(ctx: HouseholdContext, plan: DiscretePlan): Float64Array {
  const out = new Float64Array(ctx.securities.length);
  const lots = ctx.accounts[plan.account]!.lots;
  for (let l = 0; l < lots.length; l++) {
    const q = plan.sell[l]!;
    if (q > 0) out[lots[l]!.security] = exactShareSum(out[lots[l]!.security]!, q);
  }
  return out;
}

/** Σ sell values and Σ buy values, each trade rounded to the cent, exactly. */
export function sideSums(
  ctx: HouseholdContext,
  plan: DiscretePlan,
): { sells: ExactSum; buys: ExactSum } {
  const sold = soldPerSecurity(ctx, plan);
  const sells = new ExactSum();
  const buys = new ExactSum();
  for (let i = 0; i < ctx.securities.length; i++) {
    const s = ctx.securities[i]!;
    if (sold[i]! > 0) sells.addCents(tradeCents(sold[i]!, s.priceUsd));
    if (plan.buy[i]! > 0) buys.addCents(tradeCents(plan.buy[i]!, s.priceUsd));
  }
  return { sells, buys };
}

/** Σ sell values and Σ buy values, each trade rounded to the cent. */
export function sideValues(
  ctx: HouseholdContext,
  plan: DiscretePlan,
): { sells: Exact; buys: Exact } {
  const { sells, buys } = sideSums(ctx, plan);
  return { sells: sells.toExact(), buys: buys.toExact() };
}

/** after.cash = cash + Σ sells − Σ buys − W (spec Definitions, "Value"), exactly. */
export function cashAfterSum(ctx: HouseholdContext, plan: DiscretePlan): ExactSum {
  const acc = ctx.accounts[plan.account]!;
  const { sells, buys } = sideSums(ctx, plan);
  const out = ExactSum.of(acc.cashUsd).addSum(sells).minus(acc.withdrawalUsd);
  return out.addSum(buys.negated());
}

/** after.cash = cash + Σ sells − Σ buys − W (spec Definitions, "Value"). */
export function cashAfter(ctx: HouseholdContext, plan: DiscretePlan): Exact {
  return cashAfterSum(ctx, plan).toExact();
}

/** How far after.cash falls short of the cash need (≤ 0: the cash rule holds). */
export function cashDeficit(ctx: HouseholdContext, plan: DiscretePlan): number {
  const acc = ctx.accounts[plan.account]!;
  return acc.cashNeedUsd - cashAfterSum(ctx, plan).toNumber();
}

/**
 * after.cash of one plan, kept up to date as trades change: per security the value of its sale
 * and of its buy in whole cents, and their net. A repair step that changes the trades of
 * security `i` calls {@link CashBook.update}; the figures equal a full re-evaluation.
 */
export class CashBook {
  private readonly sellCents: Float64Array;
  private readonly buyCents: Float64Array;
  /** Σ sells − Σ buys in cents; exact while it is a safe integer. */
  private net = 0;
  private readonly base: ExactSum;
  /** cash − W in whole cents, or NaN when it is not (then sums go through {@link ExactSum}). */
  private readonly baseCents: number;
  private readonly bySecurity: readonly (readonly number[])[];

  constructor(
    private readonly ctx: HouseholdContext,
    private readonly plan: DiscretePlan,
  ) {
    const acc = ctx.accounts[plan.account]!;
    const n = ctx.securities.length;
    this.bySecurity = lotsBySecurity(ctx, acc);
    this.sellCents = new Float64Array(n);
    this.buyCents = new Float64Array(n);
    const sold = soldPerSecurity(ctx, plan);
    for (let i = 0; i < n; i++) {
      const price = ctx.securities[i]!.priceUsd;
      if (sold[i]! > 0) this.sellCents[i] = tradeCents(sold[i]!, price);
      if (plan.buy[i]! > 0) this.buyCents[i] = tradeCents(plan.buy[i]!, price);
      this.net += this.sellCents[i]! - this.buyCents[i]!;
    }
    this.base = ExactSum.of(acc.cashUsd).minus(acc.withdrawalUsd);
    this.baseCents = this.base.wholeCents();
  }

  /** Re-reads the sale and the buy of security `i` from the plan. */
  update(i: number): void {
    const price = this.ctx.securities[i]!.priceUsd;
    const sold = soldOfSecurity(this.bySecurity[i]!, this.plan.sell);
    const bought = this.plan.buy[i]!;
    const sell = sold > 0 ? tradeCents(sold, price) : 0;
    const buy = bought > 0 ? tradeCents(bought, price) : 0;
    this.net += sell - this.sellCents[i]! - (buy - this.buyCents[i]!);
    this.sellCents[i] = sell;
    this.buyCents[i] = buy;
  }

  /** Re-reads only the buy of security `i` (its sale unchanged). */
  updateBuy(i: number): void {
    const bought = this.plan.buy[i]!;
    const buy = bought > 0 ? tradeCents(bought, this.ctx.securities[i]!.priceUsd) : 0;
    this.net -= buy - this.buyCents[i]!;
    this.buyCents[i] = buy;
  }

  /** after.cash as a float (the exact figure, rounded once). */
  cashAfter(): number {
    const total = this.baseCents + this.net;
    if (Number.isSafeInteger(total) && Number.isSafeInteger(this.net)) return centsToNumber(total);
    // Rare: cash or W finer than a cent, or sums beyond 2^53 cents: add exactly.
    const sum = this.base.clone();
    for (let i = 0; i < this.sellCents.length; i++) {
      sum.addCents(this.sellCents[i]!).addCents(-this.buyCents[i]!);
    }
    return sum.toNumber();
  }

  /** How far after.cash falls short of the cash need (≤ 0: the cash rule holds). */
  deficit(): number {
    return this.ctx.accounts[this.plan.account]!.cashNeedUsd - this.cashAfter();
  }
}

/** Turnover of sums of sells and buys: (Σ buy values + Σ sell values) / (2V); 0 when V ≤ 0. */
export function turnoverOf(acc: AccountContext, sells: ExactSum, buys: ExactSum): number {
  return acc.valueUsd > 0 ? sells.clone().addSum(buys).toNumber() / (2 * acc.valueUsd) : 0;
}

/** Turnover of the discrete trades. */
export function discreteTurnover(ctx: HouseholdContext, plan: DiscretePlan): number {
  const { sells, buys } = sideSums(ctx, plan);
  return turnoverOf(ctx.accounts[plan.account]!, sells, buys);
}

/** Turnover of the continuous optimum (unrounded values). */
export function continuousTurnover(ctx: HouseholdContext, plan: DiscretePlan): number {
  const acc = ctx.accounts[plan.account]!;
  if (acc.valueUsd <= 0) return 0;
  let traded = 0;
  for (let l = 0; l < acc.lots.length; l++) {
    traded += plan.continuous.sellQuantity[l]! * ctx.securities[acc.lots[l]!.security]!.priceUsd;
  }
  const bought = plan.continuous.buyQuantity;
  for (let i = 0; i < bought.length; i++) traded += bought[i]! * ctx.securities[i]!.priceUsd;
  return traded / (2 * acc.valueUsd);
}

/** Continuous shares sold of security `i`. */
export function continuousSoldOf(ctx: HouseholdContext, plan: DiscretePlan, i: number): number {
  let total = 0;
  for (const l of lotsBySecurity(ctx, ctx.accounts[plan.account]!)[i]!) {
    total += plan.continuous.sellQuantity[l]!;
  }
  return total;
}
