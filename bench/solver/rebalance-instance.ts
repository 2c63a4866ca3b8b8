/**
 * Rebalance-shaped QP generator for the solver benchmark (weights in fractions of account value).
 *
 * Variables: per-lot sells s_l ∈ [0, w0_l], per-security buys b_i ∈ [0, cap_i], final weights
 * w_i ≥ 0, whitened factor exposures g_j (free), cash c ≥ cmin.
 * Equality rows:  w_i + Σ_{l∈i} s_l − b_i = w0_i                      (holdings)
 *                 g_j − Σ_i (XG)_ij w_i = −Σ_i (XG)_ij wb_i             (factor definitions)
 *                 c − Σ_l (1 − spr_i) s_l + Σ_i (1 + spr_i) b_i = c0    (cash, net of spread)
 * Inequality row: Σ s + Σ b ≤ T                                         (turnover; T may be ∞)
 * Objective:      λ (‖g‖² + Σ σ²_i (w_i − wb_i)²) + Σ tax_l s_l + Σ spr_i (Σ s + b)
 * with F = G Gᵀ a dense PSD k×k factor covariance — the factor term fᵀF f, f = Xᵀ(w − wb),
 * written as ‖g‖², as the rebalance formulates it (src/rebalance/problem/risk-terms.ts) — and
 * tax_l < 0 for loss lots. Some lots/buys are
 * restricted (upper bound 0), some accounts start below minimum cash, some have a tight
 * turnover cap.
 */
import { cscFromTriplets } from '../../src/solver/index.js';
import type { QpProblem } from '../../src/solver/index.js';
import { factorSquareRoot, whitenedExposure } from '../../src/risk/index.js';

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

export interface RebalanceInstance {
  readonly problem: QpProblem;
  readonly n: number;
  readonly k: number;
  readonly lots: number;
}

/** Dense PSD factor covariance: diag(vol)·R·diag(vol) with R a random correlation matrix. */
function factorCovariance(k: number, rand: () => number): Float64Array {
  const g = k + 5;
  const G = Float64Array.from({ length: k * g }, () => gaussian(rand));
  const S = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      let s = 0;
      for (let t = 0; t < g; t++) s += G[a * g + t]! * G[b * g + t]!;
      S[a * k + b] = s;
      S[b * k + a] = s;
    }
  }
  const vol = Float64Array.from({ length: k }, () => 0.02 + 0.06 * rand());
  const F = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      const corr = S[a * k + b]! / Math.sqrt(S[a * k + a]! * S[b * k + b]!);
      F[a * k + b] = vol[a]! * vol[b]! * corr;
    }
  }
  return F;
}

export function generateRebalance(n: number, k: number, seed: number): RebalanceInstance {
  const rand = rng(seed * 7919 + n * 31 + k);
  const lambda = 5 + 95 * rand();
  const c0 = 0.05 * rand();
  const cmin = rand() < 0.35 ? c0 + 0.005 + 0.02 * rand() : 0.005 * rand();
  // A tight cap still leaves room for the selling that minimum cash forces.
  const turnover = rand() < 0.35 ? 1.1 * Math.max(0, cmin - c0) + 0.01 + 0.1 * rand() : Infinity;
  const restrictFrac = 0.1 * rand();

  const wb = Float64Array.from({ length: n }, () => Math.exp(gaussian(rand)));
  const w0 = Float64Array.from(wb, (v) => v * Math.exp(0.4 * gaussian(rand)));
  const sb = wb.reduce((a, v) => a + v, 0);
  const s0 = w0.reduce((a, v) => a + v, 0);
  for (let i = 0; i < n; i++) {
    wb[i] = wb[i]! / sb;
    w0[i] = (w0[i]! * (1 - c0)) / s0;
  }
  const spread = Float64Array.from({ length: n }, () => 0.0005 + 0.002 * rand());
  const sigma2 = Float64Array.from({ length: n }, () => (0.15 + 0.3 * rand()) ** 2);
  const X = Float64Array.from({ length: n * k }, () => gaussian(rand));
  const root = factorSquareRoot(factorCovariance(k, rand), k);
  for (let i = 0; i < n; i++)
    whitenedExposure(X.slice(i * k, i * k + k), root, X.subarray(i * k, i * k + k));

  // Lots: 1–5 per security, current weight split at random; tax cost = rate × gain fraction.
  const lotOf: number[] = [];
  const lotW: number[] = [];
  const lotTax: number[] = [];
  for (let i = 0; i < n; i++) {
    const count = 1 + Math.floor(5 * rand());
    const parts = Array.from({ length: count }, () => 0.2 + rand());
    const tot = parts.reduce((a, v) => a + v, 0);
    for (const part of parts) {
      lotOf.push(i);
      lotW.push((w0[i]! * part) / tot);
      const rate = rand() < 0.3 ? 0.37 : 0.2;
      lotTax.push(rate * (-0.4 + rand()));
    }
  }
  const L = lotOf.length;
  const S0 = 0;
  const B0 = L;
  const W0 = L + n;
  const F0 = L + 2 * n;
  const CASH = L + 2 * n + k;
  const nv = CASH + 1;

  const ar: number[] = [];
  const ac: number[] = [];
  const av: number[] = [];
  const add = (r: number, c: number, v: number): void => {
    ar.push(r);
    ac.push(c);
    av.push(v);
  };
  const b = new Float64Array(n + k + 1);
  for (let l = 0; l < L; l++) {
    add(lotOf[l]!, S0 + l, 1);
    add(n + k, S0 + l, -(1 - spread[lotOf[l]!]!));
  }
  for (let i = 0; i < n; i++) {
    add(i, B0 + i, -1);
    add(n + k, B0 + i, 1 + spread[i]!);
    add(i, W0 + i, 1);
    b[i] = w0[i]!;
    for (let j = 0; j < k; j++) add(n + j, W0 + i, -X[i * k + j]!);
  }
  for (let j = 0; j < k; j++) {
    add(n + j, F0 + j, 1);
    let s = 0;
    for (let i = 0; i < n; i++) s -= X[i * k + j]! * wb[i]!;
    b[n + j] = s;
  }
  add(n + k, CASH, 1);
  b[n + k] = c0;

  const cr: number[] = [];
  const cc: number[] = [];
  const cv: number[] = [];
  for (let t = 0; t < L + n; t++) {
    cr.push(0);
    cc.push(t);
    cv.push(1);
  }

  const pr: number[] = [];
  const pc: number[] = [];
  const pv: number[] = [];
  const q = new Float64Array(nv);
  for (let i = 0; i < n; i++) {
    pr.push(W0 + i);
    pc.push(W0 + i);
    pv.push(2 * lambda * sigma2[i]!);
    q[W0 + i] = -2 * lambda * sigma2[i]! * wb[i]!;
    q[B0 + i] = spread[i]!;
  }
  for (let j = 0; j < k; j++) {
    pr.push(F0 + j);
    pc.push(F0 + j);
    pv.push(2 * lambda);
  }
  for (let l = 0; l < L; l++) q[S0 + l] = lotTax[l]! + spread[lotOf[l]!]!;

  const lb = new Float64Array(nv);
  const ub = new Float64Array(nv).fill(Infinity);
  for (let l = 0; l < L; l++) ub[S0 + l] = rand() < restrictFrac ? 0 : lotW[l]!;
  for (let i = 0; i < n; i++) {
    const u = rand();
    ub[B0 + i] = u < restrictFrac ? 0 : u < 0.2 ? 0.5 * wb[i]! : Infinity;
  }
  for (let j = 0; j < k; j++) lb[F0 + j] = -Infinity;
  lb[CASH] = cmin;

  const problem: QpProblem = {
    n: nv,
    P: cscFromTriplets(nv, nv, pr, pc, pv),
    q,
    A: cscFromTriplets(n + k + 1, nv, ar, ac, av),
    b,
    C: cscFromTriplets(1, nv, cr, cc, cv),
    cl: Float64Array.of(-Infinity),
    cu: Float64Array.of(turnover),
    lb,
    ub,
  };
  return { problem, n, k, lots: L };
}
