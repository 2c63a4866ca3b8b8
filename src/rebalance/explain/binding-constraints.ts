/**
 * The constraints that bind at the optimum and what relaxing each is worth, from the final
 * solve's multipliers (docs/optimization.md §7). `shadowPrice` is the objective improvement in
 * currency (objective × S: tax, trading cost and the risk penalty λ·TE²·B) per unit of
 * relaxation: per $1,000 of gain budget, of minimum cash or of capped trades, per 1% of
 * turnover, per 1 bp of tracking-error limit.
 */
import type { BindingConstraint, TradingMode } from '../../domain/index.js';
import type { AccountContext, HouseholdContext } from '../context/index.js';
import type { AccountBlock, Formulation } from '../problem/index.js';
import type { HouseholdSolution } from '../solve/index.js';
import { dualProbe, type DualProbe } from './duals.js';
import { bps, money, trackingErrorSaved } from './wording.js';

/** A unit of currency relaxation: $1,000. */
const THOUSAND = 1000;
/** One percent of turnover, one basis point of tracking error. */
const PERCENT = 0.01;
const BASIS_POINT = 1e-4;
/** Relative excess of λ_g over its base below which a tracking-error limit is not binding. */
const AVERSION_TOLERANCE = 1e-6;

/** The risk term of the group an account belongs to. */
interface GroupRisk {
  aversion: number;
  trackingError: number;
}

/** What the explanations need, shared across accounts. */
interface Scope {
  ctx: HouseholdContext;
  form: Formulation;
  solution: HouseholdSolution;
  probe: DualProbe;
  add(account: number, binding: BindingConstraint): void;
  risk(account: number): GroupRisk | undefined;
}

/**
 * Binding constraints per account index (context order). Accounts with none are absent; a
 * solution that is not optimal explains nothing.
 *
 * @example
 * const solution = solveHousehold(ctx, form);
 * bindingConstraints(ctx, form, solution).get(0);
 * // [{ constraint: 'tax.gainBudget.longTerm', shadowPrice: 312.5,
 * //    explanation: 'the long-term gain budget binds: $1,000 more budget would save 12 bps of tracking error' }]
 */
export function bindingConstraints(
  ctx: HouseholdContext,
  form: Formulation,
  solution: HouseholdSolution,
): Map<number, BindingConstraint[]> {
  const out = new Map<number, BindingConstraint[]>();
  const result = solution.result;
  if (solution.status !== 'optimal' || result === null) return out;
  const scope: Scope = {
    ctx,
    form,
    solution,
    probe: dualProbe(form, result),
    add: (account, binding) => out.set(account, [...(out.get(account) ?? []), binding]),
    risk: (account) => {
      const g = form.groups.findIndex((group) => group.accounts.includes(account));
      if (g < 0) return undefined;
      return { aversion: solution.aversion[g]!, trackingError: solution.trackingError[g]! };
    },
  };
  gainBudgets(scope);
  for (const block of form.accounts) accountLimits(scope, block);
  trackingErrorLimits(scope);
  return out;
}

/** "would save 12 bps of tracking error" for a risk-term drop, or the currency when no TE. */
function riskWording(scope: Scope, account: number, riskDrop: number, net: boolean): string {
  const risk = scope.risk(account);
  if (risk === undefined || risk.trackingError <= 0) {
    return `would lower the cost by ${money(riskDrop * scope.form.scaleUsd)}`;
  }
  const saved = trackingErrorSaved(riskDrop, risk.aversion, risk.trackingError);
  return net
    ? `would be worth ${bps(saved)} of tracking error (net of its tax and trading costs)`
    : `would save ${bps(saved)} of tracking error`;
}

const TERMS = [
  ['shortTerm', 'short-term'],
  ['longTerm', 'long-term'],
  ['total', 'total'],
] as const;

/**
 * Gain-budget rows, reported on every account that set the budget. The tracking error saved is
 * that of the taxable accounts' risk group (where the extra gains would be realized), named
 * when it is another account's; spread over several groups, the saving is given in currency.
 */
function gainBudgets(scope: Scope): void {
  const { ctx, form, probe, solution } = scope;
  const x = solution.result!.x;
  const inForm = new Set(form.accounts.map((b) => b.account));
  const helped = gainBeneficiary(scope);
  for (const [key, words] of TERMS) {
    const perUnit = probe.upperRow(form.gainRows[key]);
    const limit = ctx.gainBudget[key];
    if (perUnit === 0 || limit === undefined) continue;
    // The extra gain pays tax at its term's rate: the risk term falls by that much more.
    const rate = key === 'shortTerm' ? ctx.shortTermRate : ctx.longTermRate;
    const riskDrop = ((perUnit + rate) * THOUSAND) / form.scaleUsd;
    const gaveWay = x[form.gainSlacks[key]]! * form.scaleUsd;
    const state = gaveWay > 0.01 ? `could not hold and gave way by ${money(gaveWay)}` : 'binds';
    const worth =
      helped === undefined
        ? `would lower the cost by ${money(riskDrop * form.scaleUsd)}`
        : riskWording(scope, helped, riskDrop, false);
    for (const account of limit.accounts) {
      if (!inForm.has(account)) continue;
      const elsewhere = helped !== undefined && helped !== account && !ctx.householdMode;
      const where = elsewhere ? ` in ${ctx.accounts[helped]!.id}` : '';
      scope.add(account, {
        constraint: `tax.gainBudget.${key}`,
        shadowPrice: perUnit * THOUSAND,
        explanation: `the ${words} gain budget ${state}: $1,000 more budget ${worth}${where}`,
      });
    }
  }
}

/**
 * The account whose risk group a gain budget's relaxation helps: a taxable account with lots,
 * when all such accounts share one risk group (one taxable account, or household mode);
 * undefined when the saving would be spread over several groups.
 */
function gainBeneficiary(scope: Scope): number | undefined {
  const { ctx, form } = scope;
  const taxable = form.accounts
    .map((b) => b.account)
    .filter((a) => ctx.accounts[a]!.taxStatus === 'taxable' && ctx.accounts[a]!.lots.length > 0);
  const groups = new Set(taxable.map((a) => form.groups.findIndex((g) => g.accounts.includes(a))));
  return groups.size === 1 && !groups.has(-1) ? taxable[0] : undefined;
}

/** Turnover, the cash rule and the caps of the trading mode or the drift trigger. */
function accountLimits(scope: Scope, block: AccountBlock): void {
  const { ctx, form, probe } = scope;
  const acc = ctx.accounts[block.account]!;
  const S = form.scaleUsd;
  const report = (constraint: string, perUnit: number, unit: number, sentence: string): void => {
    if (perUnit === 0) return;
    const riskDrop = (perUnit * unit) / S;
    scope.add(block.account, {
      constraint,
      shadowPrice: perUnit * unit,
      explanation: `${sentence} ${riskWording(scope, block.account, riskDrop, true)}`,
    });
  };
  // An elastic turnover limit the solution exceeds gave way (listed under `relaxed`): its dual
  // is only the slack's cost, not a price.
  const turnoverGaveWay = (scope.solution.result?.x[block.turnoverSlack] ?? 0) > 1e-9;
  report(
    'trading.maxTurnover',
    turnoverGaveWay ? 0 : probe.upperRow(block.turnoverRow),
    2 * acc.valueUsd * PERCENT,
    'the turnover limit binds: 1% more turnover',
  );
  if (acc.settings.cashMinWeight > 0) {
    report(
      'cash.min',
      probe.lowerBound(block.cash),
      THOUSAND,
      'the minimum cash binds: $1,000 less minimum cash',
    );
  }
  const sells = capSource(acc, 'sell');
  report(
    sells.setting,
    probe.upperRow(block.optionalSellRow),
    THOUSAND,
    `${sells.words}'s cap on sales binds: $1,000 more of sales`,
  );
  const buys = capSource(acc, 'buy');
  report(
    buys.setting,
    probe.upperRow(block.buyCapRow),
    THOUSAND,
    `${buys.words}'s cap on buys binds: $1,000 more of buys`,
  );
}

/** Which setting a sell or buy cap comes from: the trading mode, else the drift trigger. */
function capSource(acc: AccountContext, side: 'sell' | 'buy'): { setting: string; words: string } {
  const mode: TradingMode = acc.settings.mode;
  const fromMode = side === 'sell' ? mode !== 'full' : mode === 'cashOnly';
  if (fromMode) return { setting: 'trading.mode', words: `the ${mode} mode` };
  return { setting: 'drift.threshold', words: 'the drift trigger' };
}

/**
 * Tracking-error limits: the extra aversion μ = λ_g − base is the multiplier of TE² ≤ L², so one
 * more basis point of limit (ΔL² = 2L · 1 bp, at the L the solution reached) is worth μ·ΔL².
 */
function trackingErrorLimits(scope: Scope): void {
  const { ctx, form, solution } = scope;
  const inForm = new Set(form.accounts.map((b) => b.account));
  // In household mode the limit is the household's: reported on every account that set one.
  const setBy = (accounts: number[]): number[] =>
    ctx.householdMode ? (ctx.householdMaxTrackingError?.accounts ?? []) : accounts;
  form.groups.forEach((group, g) => {
    const mu = solution.aversion[g]! - group.baseAversion;
    const te = solution.trackingError[g]!;
    const limit = group.maxTrackingError;
    // A limit the solution exceeds gave way (the report lists it under `relaxed`); its
    // multiplier is then only the cap on λ_g, not a price.
    if (limit === undefined || mu <= AVERSION_TOLERANCE * group.baseAversion || te > limit) {
      return;
    }
    const price = mu * 2 * te * BASIS_POINT * form.scaleUsd;
    for (const account of setBy(group.accounts)) {
      if (!inForm.has(account)) continue;
      scope.add(account, {
        constraint: 'risk.maxTrackingError',
        shadowPrice: price,
        explanation: `the tracking-error limit binds: 1 bp more tracking error would save ${money(price)} of tax and trading costs, net of the risk penalty`,
      });
    }
  });
}
