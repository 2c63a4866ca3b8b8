/**
 * Tracking-error terms of the objective, at unit risk aversion (the passes scale them by λ_g).
 *
 * With active weights a_i = (S / B) x_i − w^b_i, x_i the weight variable (value / S), B the
 * value the weights are over and w^b the benchmark,
 *
 *     TE² = aᵀ(X F Xᵀ + diag(σ²)) a = ‖g‖² + Σ_i σ²_i a_i²,     g = (X G)ᵀ a  (k new variables)
 *
 * with F = G Gᵀ (src/risk factorSquareRoot; the model carries X G, see FactorRiskModel), so
 * the objective term λ TE² contributes, in ½xᵀPx + qᵀx form,
 *     P[g_j, g_j] += 2λ
 *     P[x_i, x_i] += 2λ σ²_i (S/B)²,   q[x_i] += −2λ σ²_i w^b_i (S/B)
 * and the rows  g_j − Σ_i (XG)_ij (S/B) x_i = −Σ_i (XG)_ij w^b_i  define g. Whitened exposures
 * rather than f = Xᵀa with curvature F: each g_j is eliminated on its own, so the dense block the
 * solver factorises is the k factor rows, not the rows and a dense F together. The constant
 * λ Σ σ² (w^b)² is left out of the QP and added back when TE is evaluated.
 *
 * Model fidelity: every active weight also costs λ ε a_i² (ε = MODEL_FIDELITY_VARIANCE, as if
 * each security had 1% more specific volatility). Where the risk model is indifferent — two
 * funds on one index, VOO for IVV — this makes the optimizer hold what the model names when
 * the switch is nearly free (a deferred account) and leaves it alone when it costs tax. It is
 * part of the objective only; reported tracking error is the risk model's alone.
 */
import type { FactorRiskModel } from '../../risk/index.js';
import type { SecurityFacts } from '../context/index.js';
import type { QpBuilder } from './qp-builder.js';

/** ε of the model-fidelity term (see the file comment): a 1% volatility, squared. */
export const MODEL_FIDELITY_VARIANCE = 1e-4;

/**
 * Adds the factor variables, their defining rows and the unit-aversion curvature (every P entry
 * of the formulation is a risk term); linear risk costs go to `riskCost`. Returns the factor
 * variables. Where `live[i]` is 0 the weight is 0 for good (`weightVar[i]` is the account's
 * `zero` variable): it adds nothing to the factor rows, P or q — so those dense rows are only as
 * long as the account's live securities — while its active weight −w^b_i still counts, through
 * the right-hand side −Σ_i (XG)_ij w^b_i and the constant λ σ²_i (w^b_i)² left out of the QP.
 */
export function addRiskTerms(
  builder: QpBuilder,
  riskCost: Map<number, number>,
  risk: FactorRiskModel,
  securities: readonly SecurityFacts[],
  weightVar: Int32Array,
  benchmark: Float64Array,
  ratio: number,
  live?: Uint8Array,
): Int32Array {
  const isLive = (i: number): boolean => live === undefined || live[i] === 1;
  const k = risk.k;
  const factorVar = new Int32Array(k);
  for (let j = 0; j < k; j++) factorVar[j] = builder.variable(-Infinity, Infinity);
  const n = securities.length;
  // Whitened exposures, security-major (n × k), then one row per factor: g_j and every weight.
  const exposures = new Float64Array(n * k);
  securities.forEach((s, i) => {
    // A dead security outside the benchmark adds nothing to a factor row or its right-hand side.
    if (!isLive(i) && benchmark[i] === 0) return;
    exposures.set(risk.whitenedExposure(s.id), i * k);
  });
  const vars = new Int32Array(n + 1);
  const coefs = new Float64Array(n + 1);
  vars.set(weightVar.subarray(0, n), 1);
  for (let j = 0; j < k; j++) {
    vars[0] = factorVar[j]!;
    coefs[0] = 1;
    let rhs = 0;
    for (let i = 0; i < n; i++) {
      const x = exposures[i * k + j]!;
      // equalityOf skips zero coefficients.
      coefs[i + 1] = isLive(i) ? -x * ratio : 0;
      rhs -= x * benchmark[i]!;
    }
    builder.equalityOf(vars, coefs, n + 1, rhs);
  }
  for (let j = 0; j < k; j++) builder.curvature(factorVar[j]!, factorVar[j]!, 2);
  securities.forEach((s, i) => {
    if (!isLive(i)) return;
    const s2 = risk.specificVariance(s.id) + MODEL_FIDELITY_VARIANCE;
    const v = weightVar[i]!;
    builder.curvature(v, v, 2 * s2 * ratio * ratio);
    riskCost.set(v, (riskCost.get(v) ?? 0) - 2 * s2 * benchmark[i]! * ratio);
  });
  return factorVar;
}
