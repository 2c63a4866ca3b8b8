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
 *
 * Per security only what the account can touch is a variable (security-variables.ts): a buy
 * it may never make and a holding it can never have read the account's `zero` variable.
 */
import type { HouseholdContext } from '../context/index.js';
import { spreadPerValue, taxPerValueSold } from '../costs/index.js';
import type { AccountBlock, Formulation } from './formulation.js';
import { addAccountRows } from './account-rows.js';
import { addGainBudgets } from './gain-budgets.js';
import { accountCash, lotRole, type LastResortWhy, type LotRole } from './lot-roles.js';
import { QpBuilder } from './qp-builder.js';
import { addGroups } from './risk-groups.js';
import { addSecurityVariables } from './security-variables.js';

/** Cost per unit of value of a last-resort sale: far above any tax or spread. */
export const LAST_RESORT_COST = 2;

/** Builds the QP; the account blocks follow the context's tradable, error-free accounts. */
export function formulate(ctx: HouseholdContext): Formulation {
  const b = new QpBuilder();
  const riskCost = new Map<number, number>();
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
    for (let l = 0; l < account.lots.length; l++) {
      const lot = account.lots[l]!;
      const v = lot.valueUsd * inv;
      const role = roles[l]!;
      const sec = ctx.securities[lot.security]!;
      const countLoss = role === 'harvest';
      let cost = taxPerValueSold(lot, account.taxStatus, rates, countLoss) + spreadPerValue(sec);
      if (role === 'lastResort') cost += LAST_RESORT_COST;
      const lastResortAllowed = role !== 'lastResort' || cashFigures.shortfallUsd > 0;
      const ub = role === 'frozen' || !lastResortAllowed ? 0 : v;
      sell[l] = b.variable(role === 'forced' ? v : 0, ub, cost);
    }
    const { buy, hold, live, zero, buys } = addSecurityVariables(b, ctx, account, sell, inv);
    const cash = b.variable(Math.max(0, account.cashNeedUsd) * inv, Infinity);
    const turnoverSlack = b.variable(0, 0, 1);
    b.openEquality();
    b.term(cash, 1);
    for (const s of sell) b.term(s, -1);
    for (const v of buys) b.term(v, 1);
    const cashRow = b.closeEquality((account.cashUsd - account.withdrawalUsd) * inv);
    const rows = addAccountRows(b, account, roles, sell, buys, turnoverSlack, cashFigures, inv);
    blocks.push({
      account: account.index,
      sell,
      buy,
      hold,
      live,
      zero,
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
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi]!;
    for (const v of g.factorVar) groupOfVar[v] = gi;
    for (const v of g.weightVar) groupOfVar[v] = gi;
  }
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
