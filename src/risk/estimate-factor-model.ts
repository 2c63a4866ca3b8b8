/**
 * A statistical factor model from daily returns. With S the (gap-filled) sample correlation
 * matrix, (λ_j, v_j) its top k eigenpairs, λ'_j their spiked-model shrinkage
 * ({@link shrinkSpikedEigenvalues}) and ψ_i = 1 − Σ_j λ'_j v_ij² ≥ 0, the annualised covariance is
 *   Σ = X F Xᵀ + diag(s),  X_ij = (σ_i / σ̄) √N v_ij,  F = diag(P σ̄² λ'_j / N),  s_i = P σ_i² ψ_i,
 * where σ_i is the daily volatility, σ̄ the cross-sectional median of σ, N the number of covered
 * securities and P the periods per year. The scaling makes a typical first-factor exposure ≈ 1
 * (beta-like); each eigenvector is signed so its entries sum to ≥ 0. Optional substitute groups
 * add one factor each ({@link fitGroupFactors}). Each security's total variance is P σ_i².
 */
import type { ReturnsPanel } from './returns-panel.js';
import { fitGroupFactors } from './group-factors.js';
import { shrinkSpikedEigenvalues } from './spiked-shrinkage.js';
import { correlationMatrix, standardiseReturns } from './standardised-returns.js';
import { topEigenpairs } from './top-eigenpairs.js';

/** Parameters of {@link estimateFactorModel}. */
export interface EstimateOptions {
  /** Number of statistical factors k. */
  factors: number;
  /** Securities with fewer daily returns are left out (not covered). */
  minObservations: number;
  /** Annualisation factor (default 252 trading days). */
  periodsPerYear?: number;
  /** Security id → substitute group; each group with ≥ 2 covered members adds a factor. */
  groups?: ReadonlyMap<string, string>;
}

/** The estimated model over the covered securities, annualised. */
export interface EstimatedFactorModel {
  ids: string[];
  excluded: { id: string; observations: number }[];
  /** `pc01` … `pcNN`, then `group:<name>` per group factor. */
  factors: string[];
  /** Per covered security (same order as `ids`), one exposure per factor. */
  exposures: Float64Array[];
  /** Diagonal of the (diagonal) factor covariance F. */
  factorVariance: Float64Array;
  specificVariance: Float64Array;
  /** Share of tr S = N carried by the shrunk statistical factors. */
  explained: number;
  eigenIterations: number;
}

/** Estimates the model from `panel` (see the file comment for the formulas). */
export function estimateFactorModel(
  panel: ReturnsPanel,
  options: EstimateOptions,
): EstimatedFactorModel {
  const periods = options.periodsPerYear ?? 252;
  const { standardised, excluded } = standardiseReturns(panel, options.minObservations);
  const { ids, days, volatility: sigma } = standardised;
  const n = ids.length;
  const k = options.factors;
  if (n <= k) throw new RangeError(`${n} covered securities cannot carry ${k} factors`);
  const s = correlationMatrix(standardised);
  const top = topEigenpairs(s, n, k);
  if (!top.converged) throw new Error(`eigen-decomposition did not converge in ${top.iterations}`);
  const shrunk = shrinkSpikedEigenvalues(top.values, n, days);
  const v = top.vectors.map(orient);
  const sigmaBar = median(sigma);
  const psi = Float64Array.from(ids, (_, i) => {
    let share = 0;
    v.forEach((vj, j) => (share += shrunk[j]! * vj[i]! ** 2));
    return Math.max(0, 1 - share);
  });
  const residual = (i: number, j: number): number => {
    let r = i === j ? psi[i]! : s[i * n + j]!;
    if (i !== j) v.forEach((vl, l) => (r -= shrunk[l]! * vl[i]! * vl[j]!));
    return periods * sigma[i]! * sigma[j]! * r;
  };
  const groupFactors = fitGroupFactors(memberRows(ids, options.groups), residual);
  const specificVariance = Float64Array.from(ids, (_, i) => residual(i, i));
  const exposures = ids.map((_, i) => {
    const row = new Float64Array(k + groupFactors.length);
    v.forEach((vj, j) => (row[j] = (sigma[i]! / sigmaBar) * Math.sqrt(n) * vj[i]!));
    return row;
  });
  groupFactors.forEach((g, f) =>
    g.members.forEach((i, r) => {
      exposures[i]![k + f] = g.exposures[r]!;
      specificVariance[i] = g.specificVariance[r]!;
    }),
  );
  const pcs = Array.from({ length: k }, (_, j) => `pc${String(j + 1).padStart(2, '0')}`);
  return {
    ids,
    excluded,
    factors: [...pcs, ...groupFactors.map((g) => `group:${g.name}`)],
    exposures,
    factorVariance: Float64Array.from([
      ...Array.from(shrunk, (l) => (periods * sigmaBar * sigmaBar * l) / n),
      ...groupFactors.map((g) => g.variance),
    ]),
    specificVariance,
    explained: shrunk.reduce((sum, l) => sum + l, 0) / n,
    eigenIterations: top.iterations,
  };
}

function memberRows(ids: string[], groups?: ReadonlyMap<string, string>): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  ids.forEach((id, i) => {
    const group = groups?.get(id);
    if (group !== undefined && group !== '') rows.set(group, [...(rows.get(group) ?? []), i]);
  });
  return rows;
}

/** Signs a vector so its entries sum to ≥ 0 (ties: the largest entry positive). */
function orient(v: Float64Array): Float64Array {
  let sum = 0;
  let largest = 0;
  for (const x of v) {
    sum += x;
    if (Math.abs(x) > Math.abs(largest)) largest = x;
  }
  const flip = Math.abs(sum) > 1e-12 ? sum < 0 : largest < 0;
  return flip ? v.map((x) => -x) : v;
}

function median(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
