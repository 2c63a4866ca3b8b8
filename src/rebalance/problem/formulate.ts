/**
 * Builds the household QP (docs/optimization.md). Variables are values divided by the
 * household scale S = Σ V over all accounts, so every variable is O(weight).
 *
 * Per tradable account a:  sells s_l ∈ [0, v_l] per lot (forced: = v_l; frozen: 0),
 * buys b_ai ≥ 0 (0 where never bought), holdings x_ai ≥ 0 and cash c_a ≥ cash need, with
 *     x_ai + Σ_{l∈(a,i)} s_l − b_ai = h_ai          (holdings)
 *     c_a − Σ_l s_l + Σ_i b_ai = cash_a − W_a        (cash: trades at price)
 * Objective: Σ_groups λ_g TE_g² + Σ_l tax_l s_l + Σ spread (s + b) [+ household mode: taxDrag
 * on taxable holdings and a pull of each account's cash toward its target].
 */
import type { HouseholdContext } from '../context/index.js';
import { spreadPerValue, taxPerValueSold } from '../costs/index.js';
import type { AccountBlock, Formulation, RiskGroup } from './formulation.js';
import { accountCash, lotRole, type LastResortWhy, type LotRole } from './lot-roles.js';
import { QpBuilder, type Term } from './qp-builder.js';
import { addRiskTerms } from './risk-terms.js';

/** Default risk aversion λ on annualised TE² (docs/optimization.md). */
export const DEFAULT_RISK_AVERSION = 50;
/** Cost per unit of value of a last-resort sale: far above any tax or spread. */
export const LAST_RESORT_COST = 2;
/** Household mode: cash deviating from the account's target is priced like a 20%-vol asset. */
const CASH_PULL_VARIANCE = 0.04;

/** λ of an account: `settings.risk.riskAversion` (an added field) or the default. */
export function accountRiskAversion(ctx: HouseholdContext, account: number): number {
  return ctx.request.accounts[account]?.settings?.risk?.riskAversion ?? DEFAULT_RISK_AVERSION;
}

/** Builds the QP; the account blocks follow the context's tradable, error-free accounts. */
export function formulate(ctx: HouseholdContext): Formulation {
  const b = new QpBuilder();
  const riskCost = new Map<number, number>();
  const n = ctx.securities.length;
  const scaleUsd = Math.max(
    ctx.accounts.reduce((t, a) => t + a.valueUsd, 0),
    1,
  );
  const inv = 1 / scaleUsd;
  const blocks: AccountBlock[] = [];
  const rates = { shortTermRate: ctx.shortTermRate, longTermRate: ctx.longTermRate };

  for (const account of ctx.accounts) {
    if (!account.tradable || account.error !== null) continue;
    const roles: LotRole[] = [];
    const why: (LastResortWhy | undefined)[] = [];
    for (const lot of account.lots) {
      const r = lotRole(lot, account, ctx);
      roles.push(r.role);
      why.push(r.why);
    }
    const cashFigures = accountCash(account, roles);
    const sell = new Int32Array(account.lots.length);
    account.lots.forEach((lot, l) => {
      const v = lot.valueUsd * inv;
      const role = roles[l]!;
      const sec = ctx.securities[lot.security]!;
      const countLoss = role === 'harvest';
      let cost = taxPerValueSold(lot, account.taxStatus, rates, countLoss) + spreadPerValue(sec);
      if (role === 'lastResort') cost += LAST_RESORT_COST;
      const lastResortAllowed = role !== 'lastResort' || cashFigures.shortfallUsd > 0;
      const ub = role === 'frozen' || !lastResortAllowed ? 0 : v;
      sell[l] = b.variable(role === 'forced' ? v : 0, ub, cost);
    });
    const buy = new Int32Array(n);
    const hold = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const sec = ctx.securities[i]!;
      const blocked = account.rules.noBuy[i] === 1 || account.settings.mode === 'sellOnly';
      buy[i] = b.variable(0, blocked ? 0 : Infinity, spreadPerValue(sec));
      const drag = ctx.householdMode && account.taxStatus === 'taxable' ? sec.taxDrag : 0;
      hold[i] = b.variable(0, Infinity, drag);
    }
    const cash = b.variable(Math.max(0, account.cashNeedUsd) * inv, Infinity);
    const turnoverSlack = b.variable(0, 0, 1);
    // Holdings rows.
    const lotsOf: number[][] = Array.from({ length: n }, () => []);
    account.lots.forEach((lot, l) => lotsOf[lot.security]!.push(sell[l]!));
    for (let i = 0; i < n; i++) {
      const terms: Term[] = [
        [hold[i]!, 1],
        [buy[i]!, -1],
      ];
      for (const s of lotsOf[i]!) terms.push([s, 1]);
      const held = account.heldQuantity[i]! * ctx.securities[i]!.priceUsd;
      b.equality(terms, held * inv);
    }
    const cashTerms: Term[] = [[cash, 1]];
    for (const s of sell) cashTerms.push([s, -1]);
    for (const v of buy) cashTerms.push([v, 1]);
    const cashRow = b.equality(cashTerms, (account.cashUsd - account.withdrawalUsd) * inv);
    const rows = addAccountRows(b, account, roles, sell, buy, turnoverSlack, cashFigures, inv);
    blocks.push({
      account: account.index,
      sell,
      buy,
      hold,
      cash,
      turnoverSlack,
      roles,
      lastResortWhy: why,
      cashFigures,
      cashRow,
      ...rows,
    });
  }

  const groups = addGroups(b, riskCost, ctx, blocks, scaleUsd);
  const gain = addGainBudgets(b, ctx, blocks, inv);
  const problem = b.build();
  const groupOfVar = new Int32Array(problem.n).fill(-1);
  groups.forEach((g, gi) => {
    for (const v of g.factorVar) groupOfVar[v] = gi;
    for (const v of g.weightVar) groupOfVar[v] = gi;
  });
  if (ctx.householdMode && groups.length === 1) {
    for (const blk of blocks) groupOfVar[blk.cash] = 0;
  }
  const unitRiskCost = new Float64Array(problem.n);
  for (const [v, c] of riskCost) unitRiskCost[v] = c;
  const form: Formulation = {
    problem: problem as Formulation['problem'],
    scaleUsd,
    accounts: blocks,
    groups,
    groupOfVar,
    unitPValues: Float64Array.from(problem.P?.values ?? []),
    unitRiskCost,
    baseCost: Float64Array.from(problem.q),
    gainRows: gain.rows,
    gainSlacks: gain.slacks,
    baseUb: Float64Array.from(problem.ub ?? []),
  };
  return form;
}

/** Turnover, trading-mode and last-resort rows of one account. */
function addAccountRows(
  b: QpBuilder,
  account: HouseholdContext['accounts'][number],
  roles: readonly LotRole[],
  sell: Int32Array,
  buy: Int32Array,
  turnoverSlack: number,
  cash: ReturnType<typeof accountCash>,
  inv: number,
) {
  const { mode, maxTurnover } = account.settings;
  const all: Term[] = [
    ...Array.from(sell, (v): Term => [v, 1]),
    ...Array.from(buy, (v): Term => [v, 1]),
  ];
  const turnoverRow =
    maxTurnover === undefined
      ? -1
      : // 1e-7 of room so the limit holds beyond the solver's feasibility tolerance.
        b.range(
          [...all, [turnoverSlack, -1]],
          -Infinity,
          2 * account.valueUsd * maxTurnover * (1 - 1e-7) * inv,
        );
  // Sales that are neither forced nor (in full mode) harvests are capped at the cash shortfall
  // in buyOnly / cashOnly, and inside the drift threshold. sellOnly sells freely.
  const capSells = mode === 'buyOnly' || mode === 'cashOnly' || account.withinDrift;
  const optional: Term[] = [];
  const harvests: Term[] = [];
  roles.forEach((role, l) => {
    if (role === 'forced' || role === 'frozen') return;
    if (role === 'harvest' && (mode === 'full' || mode === 'sellOnly'))
      harvests.push([sell[l]!, -1]);
    else optional.push([sell[l]!, 1]);
  });
  const slack = 1e-9;
  const optionalSellRow =
    capSells && optional.length > 0
      ? b.range(optional, -Infinity, cash.shortfallUsd * inv + slack)
      : -1;
  // Buys beyond excess cash (and, inside the drift threshold, harvest proceeds) are not allowed
  // in cashOnly mode or inside the drift threshold.
  const capBuys = mode === 'cashOnly' || (account.withinDrift && mode !== 'sellOnly');
  const buyTerms: Term[] = Array.from(buy, (v): Term => [v, 1]);
  if (account.withinDrift && mode === 'full') buyTerms.push(...harvests);
  const buyCapRow = capBuys ? b.range(buyTerms, -Infinity, cash.excessCashUsd * inv + slack) : -1;
  const lastResort: Term[] = [];
  roles.forEach((role, l) => {
    if (role === 'lastResort') lastResort.push([sell[l]!, 1]);
  });
  const lastResortRow =
    lastResort.length > 0 && cash.shortfallUsd > 0
      ? b.range(lastResort, -Infinity, cash.shortfallUsd * inv + slack)
      : -1;
  return { turnoverRow, optionalSellRow, buyCapRow, lastResortRow };
}

/** One risk group per account, or one for the household. */
function addGroups(
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
      const terms: Term[] = [[total[i]!, 1]];
      for (const blk of blocks) terms.push([blk.hold[i]!, -1]);
      let fixed = 0;
      for (const a of ctx.accounts) {
        if (!inBlock.has(a.index)) fixed += a.heldQuantity[i]! * ctx.securities[i]!.priceUsd;
      }
      b.equality(terms, fixed / scaleUsd);
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

/** Net realized gain per term across taxable accounts: Σ (g_l / v_l) s_l ≤ budget / S. */
function addGainBudgets(b: QpBuilder, ctx: HouseholdContext, blocks: AccountBlock[], inv: number) {
  const st: Term[] = [];
  const lt: Term[] = [];
  for (const blk of blocks) {
    const acc = ctx.accounts[blk.account]!;
    if (acc.taxStatus !== 'taxable') continue;
    acc.lots.forEach((lot, l) => {
      if (lot.valueUsd <= 0) return;
      // A loss the wash-sale rule disallows (its set was bought in the last 30 days; it is sold
      // only when forced) does not offset gains: counted as 0, conservatively in full.
      const washed =
        lot.gainUsd < 0 && ctx.wash.recentlyBought.has(ctx.securities[lot.security]!.washSet);
      const t: Term = [blk.sell[l]!, washed ? 0 : lot.gainUsd / lot.valueUsd];
      (lot.term === 'short' ? st : lt).push(t);
    });
  }
  const budget = ctx.gainBudget;
  const row = (terms: Term[], limit: number | undefined, slack: number): number =>
    limit === undefined || terms.length === 0
      ? -1
      : b.range([...terms, [slack, -1]], -Infinity, limit * inv);
  const slacks = {
    shortTerm: b.variable(0, 0, 10),
    longTerm: b.variable(0, 0, 10),
    total: b.variable(0, 0, 10),
  };
  return {
    slacks,
    rows: {
      shortTerm: row(st, budget.shortTerm?.limit, slacks.shortTerm),
      longTerm: row(lt, budget.longTerm?.limit, slacks.longTerm),
      total: row([...st, ...lt], budget.total?.limit, slacks.total),
    },
  };
}
