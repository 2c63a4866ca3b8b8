/**
 * Shrinkage of the top sample eigenvalues of a correlation matrix under the spiked covariance
 * model (Baik–Ben Arous–Péché; Donoho, Gavish & Johnstone 2018). With N securities, T days,
 * γ = N / T and noise level σ² = (N − Σ_{j≤k} λ_j) / (N − k) (the mean of the other eigenvalues),
 * a population spike ℓ shows up in the sample as λ ≈ ℓ + γ σ² ℓ / (ℓ − σ²). Inverting, with
 * x = λ / σ² and y = ℓ / σ²:
 *   y = ((x + 1 − γ) + √((x + 1 − γ)² − 4x)) / 2   when x > (1 + √γ)²,   else y = 1,
 * and the shrunk eigenvalue is σ² y ≤ λ. The variance taken from the factors goes to the
 * securities' specific variance, so each security's total variance is unchanged.
 */

/** The shrunk eigenvalues for sample eigenvalues `top` (descending) of an n × n correlation matrix. */
export function shrinkSpikedEigenvalues(top: Float64Array, n: number, days: number): Float64Array {
  const k = top.length;
  const gamma = n / days;
  let explained = 0;
  for (const l of top) explained += l;
  const noise = k < n ? Math.max((n - explained) / (n - k), 0) : 0;
  if (noise === 0) return Float64Array.from(top);
  const threshold = (1 + Math.sqrt(gamma)) ** 2;
  return top.map((lambda) => {
    const x = lambda / noise;
    if (x <= threshold) return Math.min(lambda, noise);
    const b = x + 1 - gamma;
    const y = (b + Math.sqrt(Math.max(b * b - 4 * x, 0))) / 2;
    return Math.min(lambda, noise * y);
  });
}
