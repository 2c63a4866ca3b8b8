/**
 * The engine's internal form of a factor risk model, restricted to the securities of one request:
 * dense typed arrays indexed by row, so the solver and tracking-error code never touch records.
 */

import { factorSquareRoot, whitenedExposure, type FactorSquareRoot } from './factor-square-root.js';

/** Σ = X F Xᵀ + diag(s) over `ids`, annualised. */
export interface FactorRiskModel {
  /** Number of factors. */
  readonly k: number;
  readonly factors: readonly string[];
  /** F, k × k row-major. */
  readonly covariance: Float64Array;
  /** The securities, in row order. */
  readonly ids: readonly string[];
  /** X, ids.length × k row-major. */
  readonly exposures: Float64Array;
  /** s, one per row. */
  readonly specific: Float64Array;
  /**
   * X G, ids.length × k row-major, with F = G Gᵀ ({@link factorSquareRoot}): the whitened
   * exposures the optimizer's factor rows are written in.
   */
  readonly whitened: Float64Array;
  /** The row of `id`, or −1 when the model does not hold it. */
  indexOf(id: string): number;
  /** The k exposures of `id` (a view into `exposures`); throws RangeError for an unknown id. */
  exposure(id: string): Float64Array;
  /**
   * The k whitened exposures of `id` (a view into `whitened`); throws RangeError for an unknown
   * id.
   */
  whitenedExposure(id: string): Float64Array;
  /** The specific variance of `id`; throws RangeError for an unknown id. */
  specificVariance(id: string): number;
}

/** One security's row. */
export interface FactorModelRow {
  id: string;
  exposure: ArrayLike<number>;
  specificVariance: number;
  /**
   * `exposure` × G for this model's covariance F = G Gᵀ, when already known (a shared model
   * whitens its rows once for every household, see resolve-risk-model.ts); computed otherwise.
   */
  whitened?: ArrayLike<number>;
}

/** Builds a {@link FactorRiskModel}; throws RangeError on a dimension mismatch or duplicate id. */
export function createFactorRiskModel(
  factors: readonly string[],
  covariance: ArrayLike<number>,
  rows: readonly FactorModelRow[],
): FactorRiskModel {
  const k = factors.length;
  if (covariance.length !== k * k) {
    throw new RangeError(
      `factor covariance must have ${k * k} entries, found ${covariance.length}`,
    );
  }
  const index = new Map<string, number>();
  const exposures = new Float64Array(rows.length * k);
  const specific = new Float64Array(rows.length);
  const whitened = new Float64Array(rows.length * k);
  const ids: string[] = [];
  let root: FactorSquareRoot | undefined;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    ids.push(row.id);
    if (index.has(row.id)) throw new RangeError(`security ${row.id} appears twice`);
    if (row.exposure.length !== k) {
      throw new RangeError(`${row.id}: expected ${k} exposures, found ${row.exposure.length}`);
    }
    index.set(row.id, i);
    const { exposure } = row;
    for (let j = 0; j < k; j++) exposures[i * k + j] = exposure[j]!;
    specific[i] = row.specificVariance;
    if (row.whitened !== undefined) whitened.set(row.whitened, i * k);
    else whitenedExposure(exposure, (root ??= factorSquareRoot(covariance, k)), whitened, i * k);
  }
  const rowOf = (id: string): number => {
    const i = index.get(id);
    if (i === undefined) throw new RangeError(`the risk model does not hold security ${id}`);
    return i;
  };
  return {
    k,
    factors: [...factors],
    covariance: new Float64Array(covariance),
    ids,
    exposures,
    specific,
    indexOf: (id) => index.get(id) ?? -1,
    exposure: (id) => {
      const i = rowOf(id);
      return exposures.subarray(i * k, i * k + k);
    },
    whitened,
    whitenedExposure: (id) => {
      const i = rowOf(id);
      return whitened.subarray(i * k, i * k + k);
    },
    specificVariance: (id) => specific[rowOf(id)]!,
  };
}
