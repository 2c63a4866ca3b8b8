/**
 * Group factors for near-identical securities (funds of one substitute group, e.g. SPY/IVV/VOO).
 * Statistical factors leave their common residual in the specific variances, where it counts as
 * independent, so two such funds would look far apart. For each group with ≥ 2 members the
 * residual covariance block B (annualised) is fitted with its top eigenpair (μ, u):
 * b = √μ u (signed to sum ≥ 0), the group factor has variance c² with c = mean |b_i|, member i
 * has exposure b_i / c, and its specific variance becomes B_ii − b_i² (≥ 0 since B is PSD).
 */
import { symmetricEigen } from './symmetric-eigen.js';

/** One group factor: its member rows, their exposures and the factor's variance. */
export interface GroupFactor {
  name: string;
  members: number[];
  exposures: Float64Array;
  variance: number;
  /** Member specific variances after the group factor. */
  specificVariance: Float64Array;
}

/**
 * Fits a factor per group. `residualCovariance(i, j)` gives the annualised residual covariance
 * of securities i and j (row indices); `groups` maps a group name to its member rows.
 */
export function fitGroupFactors(
  groups: ReadonlyMap<string, number[]>,
  residualCovariance: (i: number, j: number) => number,
): GroupFactor[] {
  const out: GroupFactor[] = [];
  for (const [name, members] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const m = members.length;
    if (m < 2) continue;
    const block = new Float64Array(m * m);
    members.forEach((i, r) =>
      members.forEach((j, c) => (block[r * m + c] = residualCovariance(i, j))),
    );
    const { values, vectors } = symmetricEigen(block, m);
    const mu = values[0]!;
    if (!(mu > 0)) continue;
    let b = vectors[0]!.map((x) => Math.sqrt(mu) * x);
    if (b.reduce((s, x) => s + x, 0) < 0) b = b.map((x) => -x);
    const c = b.reduce((s, x) => s + Math.abs(x), 0) / m;
    out.push({
      name,
      members,
      exposures: b.map((x) => x / c),
      variance: c * c,
      specificVariance: Float64Array.from(members, (_, r) =>
        Math.max(0, block[r * m + r]! - b[r]! ** 2),
      ),
    });
  }
  return out;
}
