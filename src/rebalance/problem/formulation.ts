/**
 * The household QP and the index maps that tie its variables and rows back to lots, securities
 * and settings. Built once per rebalance by `formulate`; the solve passes change only values
 * (risk aversion, bounds) so the solver's symbolic analysis is reused between them.
 */
import type { QpProblem } from '../../solver/index.js';
import type { AccountCash, LastResortWhy, LotRole } from './lot-roles.js';

/** Variables and rows of one tradable account. */
export interface AccountBlock {
  /** Index of the account in the context. */
  account: number;
  /** Sell variable per lot (context lot order), value / S. */
  sell: Int32Array;
  /** Buy variable per security, value / S; `zero` where the account may never buy it. */
  buy: Int32Array;
  /** Holding-after variable per security, value / S; `zero` where it is not `live`. */
  hold: Int32Array;
  /** 1 where the account holds or may buy the security (security-variables.ts). */
  live: Uint8Array;
  /**
   * A variable fixed at 0 in no row and with no cost, shared by every buy the account may never
   * make and every holding it can never have: x[buy[i]] and x[hold[i]] read 0 there. Never add
   * a cost, curvature or row entry through buy[i] or hold[i] without checking for it.
   */
  zero: number;
  /** Cash after trading, value / S. */
  cash: number;
  /** Elastic slack of the turnover row (upper bound 0 unless elastic). */
  turnoverSlack: number;
  roles: LotRole[];
  lastResortWhy: (LastResortWhy | undefined)[];
  cashFigures: AccountCash;
  /** Rows (in C) or −1 when the account has no such limit. */
  turnoverRow: number;
  optionalSellRow: number;
  buyCapRow: number;
  lastResortRow: number;
  /** Equality row of the cash balance (in A). */
  cashRow: number;
}

/** A tracking-error term: one account (per-account mode) or the household. */
export interface RiskGroup {
  /** Account indices whose holdings the group measures. */
  accounts: number[];
  /** The value the weights are over: V − W of the account or household. */
  afterValueUsd: number;
  /** Benchmark security weights. */
  benchmark: Float64Array;
  /**
   * Variable per security whose value / S × (S / afterValue) is the security's weight: the
   * account's holding variable, or the household total variable.
   */
  weightVar: Int32Array;
  /** Factor exposure variables f = Xᵀ(active weights). */
  factorVar: Int32Array;
  /** Default risk aversion of the group as built (λ × afterValue / S). */
  baseAversion: number;
  /** The group's tracking-error limit, when one is set. */
  maxTrackingError: number | undefined;
}

/** The QP with its maps. Mutable arrays: the passes edit bounds and costs in place. */
export interface Formulation {
  problem: QpProblem & {
    q: Float64Array;
    lb: Float64Array;
    ub: Float64Array;
    cl: Float64Array;
    cu: Float64Array;
  };
  /** Household scale S (currency per unit of a value variable). */
  scaleUsd: number;
  accounts: AccountBlock[];
  groups: RiskGroup[];
  /** Risk group of each variable's curvature and risk-linear cost (−1: none). */
  groupOfVar: Int32Array;
  /** P values and linear risk costs at unit risk aversion; linear costs without risk. */
  unitPValues: Float64Array;
  unitRiskCost: Float64Array;
  baseCost: Float64Array;
  /** Gain-budget rows (in C) per term, −1 when unused, and their slack variables. */
  gainRows: { shortTerm: number; longTerm: number; total: number };
  gainSlacks: { shortTerm: number; longTerm: number; total: number };
  /** Upper bounds as built, to restore between passes. */
  baseUb: Float64Array;
}

/** Every group's risk aversion as built (λ × afterValue / S), the passes' starting point. */
export function baseAversions(form: Formulation): Float64Array {
  return Float64Array.from(form.groups, (g) => g.baseAversion);
}

/** λ of the group of variable `j`'s curvature and risk cost at `aversion` (0: it has none). */
export function aversionOf(form: Formulation, aversion: Float64Array, j: number): number {
  const g = form.groupOfVar[j]!;
  return g < 0 ? 0 : aversion[g]!;
}

/** q[j] at `aversion`, as {@link applyRiskAversion} sets it: linear cost + λ × risk cost. */
export function costAt(form: Formulation, aversion: Float64Array, j: number): number {
  return form.baseCost[j]! + aversionOf(form, aversion, j) * form.unitRiskCost[j]!;
}

/** P[j, j] at `aversion`, as {@link applyRiskAversion} sets it (0 where column j has none). */
export function curvatureAt(form: Formulation, aversion: Float64Array, j: number): number {
  const P = form.problem.P;
  if (P === undefined) return 0;
  for (let p = P.colPtr[j]!; p < P.colPtr[j + 1]!; p++) {
    if (P.rowIdx[p] === j) return aversionOf(form, aversion, j) * form.unitPValues[p]!;
  }
  return 0;
}

/** Sets the risk aversion of every group: P and q = λ_g × unit terms + linear costs. */
export function applyRiskAversion(form: Formulation, aversion: Float64Array): void {
  const { problem, unitPValues } = form;
  const P = problem.P;
  if (P === undefined) return;
  for (let j = 0; j < problem.n; j++) {
    const lam = aversionOf(form, aversion, j);
    for (let p = P.colPtr[j]!; p < P.colPtr[j + 1]!; p++) P.values[p] = lam * unitPValues[p]!;
    problem.q[j] = costAt(form, aversion, j);
  }
}

/**
 * ½xᵀPx + qᵀx with P and q at `aversion` (as {@link applyRiskAversion} would set them), without
 * touching the problem: what two solutions found under different λ are worth at the same one.
 * P holds the upper triangle, so an off-diagonal entry counts twice.
 */
export function objectiveAt(form: Formulation, aversion: Float64Array, x: Float64Array): number {
  const { problem, unitPValues } = form;
  const P = problem.P;
  let f = 0;
  for (let j = 0; j < problem.n; j++) {
    const lam = aversionOf(form, aversion, j);
    const xj = x[j]!;
    f += costAt(form, aversion, j) * xj;
    if (P === undefined || lam === 0) continue;
    for (let p = P.colPtr[j]!; p < P.colPtr[j + 1]!; p++) {
      const i = P.rowIdx[p]!;
      const v = lam * unitPValues[p]! * x[i]! * xj;
      f += i === j ? 0.5 * v : v;
    }
  }
  return f;
}
