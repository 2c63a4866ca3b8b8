/**
 * Tracking-error limits by risk aversion: TE² ≤ limit² is met by raising the group's λ_g (TE
 * falls monotonically in λ_g), so the QP never needs a quadratic constraint.
 */
import type { QpResult } from '../../solver/index.js';
import type { HouseholdContext } from '../context/index.js';
import type { Formulation } from '../problem/index.js';
import { groupTrackingErrors } from './group-risk.js';

/** TE is steered into [TE_LOW, TE_HIGH] × its limit, leaving room for whole-share rounding. */
const TE_HIGH = 0.995;
const TE_LOW = 0.97;
const MAX_AVERSION_GROWTH = 1e6;
const TE_PASSES = 12;
/**
 * TE(λ) falls towards the least TE the rules allow. When raising λ at least 4× lowered TE by
 * under 1%, TE is at that floor: a limit still above it cannot be met, and further passes
 * would only cost time (the limit gives way, as it does at the growth cap).
 */
const FLOOR_GAIN = 0.01;

const usable = (r: QpResult): boolean => r.status === 'optimal';

/** Every group within its tracking-error limit at the result. */
export function limitsMet(ctx: HouseholdContext, form: Formulation, result: QpResult): boolean {
  if (form.groups.every((g) => g.maxTrackingError === undefined)) return true;
  const te = groupTrackingErrors(ctx, form, result.x);
  return form.groups.every(
    (g, gi) => g.maxTrackingError === undefined || te[gi]! <= g.maxTrackingError,
  );
}

/**
 * Raises λ_g of groups over their TE limit until TE lands in [TE_LOW, TE_HIGH] × limit:
 * geometric growth until a λ satisfies the limit, then a safeguarded secant step between the
 * largest λ known to violate and the smallest known to satisfy (see {@link nextAversion}).
 * Returns the last result that met every limit (or the last one, when none did: the limit then
 * gives way).
 *
 * `hint`: the λ an earlier search settled on for a slightly different QP (the same household
 * after a wash-sale decision or with a limit opened). A group over its limit tries it as its
 * first step up instead of the geometric guess: it lands in or near the band, where the search
 * from the base λ took four to six solves again.
 */
export function meetTrackingErrorLimits(
  ctx: HouseholdContext,
  form: Formulation,
  aversion: Float64Array,
  start: QpResult,
  solve: () => QpResult,
  hint?: Float64Array,
): QpResult {
  const limits = form.groups.map((g) => g.maxTrackingError);
  if (limits.every((l) => l === undefined)) return start;
  const lo = new Float64Array(aversion.length);
  const hi = new Float64Array(aversion.length).fill(Infinity);
  // TE at lo and hi, for the secant step (NaN: not seen).
  const teLo = new Float64Array(aversion.length).fill(NaN);
  const teHi = new Float64Array(aversion.length).fill(NaN);
  const tePrev = new Float64Array(aversion.length).fill(NaN);
  const lamPrev = new Float64Array(aversion.length).fill(NaN);
  // Consecutive passes that moved the same end of the bracket (the other end was kept).
  const runLo = new Uint32Array(aversion.length);
  const runHi = new Uint32Array(aversion.length);
  let result = start;
  let best: { result: QpResult; aversion: Float64Array } | null = null;
  for (let pass = 0; pass <= TE_PASSES; pass++) {
    const te = groupTrackingErrors(ctx, form, result.x);
    const used = Float64Array.from(aversion);
    let moved = false;
    let allMet = true;
    form.groups.forEach((g, gi) => {
      const limit = limits[gi];
      if (limit === undefined) return;
      const lam = aversion[gi]!;
      const t = te[gi]!;
      if (t > TE_HIGH * limit) {
        allMet = t <= limit && allMet;
        if (lam >= lo[gi]!) {
          [lo[gi], teLo[gi]] = [lam, t];
          [runLo[gi], runHi[gi]] = [runLo[gi]! + 1, 0];
        }
      } else if (lam <= hi[gi]!) {
        [hi[gi], teHi[gi]] = [lam, t];
        [runHi[gi], runLo[gi]] = [runHi[gi]! + 1, 0];
      }
      const settled = t <= TE_HIGH * limit && (t >= TE_LOW * limit || lo[gi] === 0);
      const cap = g.baseAversion * MAX_AVERSION_GROWTH;
      const [prevT, prevLam] = [tePrev[gi]!, lamPrev[gi]!];
      const atFloor = t > limit && lam >= 4 * prevLam && prevT - t < FLOOR_GAIN * prevT;
      [tePrev[gi], lamPrev[gi]] = [t, lam];
      if (
        settled ||
        atFloor ||
        hi[gi]! / Math.max(lo[gi]!, 1e-300) < 1.02 ||
        (t > limit && lam >= cap)
      ) {
        return;
      }
      const hinted = hint?.[gi] ?? 0;
      const target = ((TE_LOW + TE_HIGH) / 2) * limit;
      const next = Number.isFinite(hi[gi]!)
        ? nextAversion(lo[gi]!, teLo[gi]!, hi[gi]!, teHi[gi]!, target, {
            lo: keptWeight(runHi[gi]!),
            hi: keptWeight(runLo[gi]!),
          })
        : hinted > lam
          ? Math.min(cap, hinted)
          : Math.min(cap, stepUp(lam, t, prevLam, prevT, target));
      if (next !== lam) {
        aversion[gi] = next;
        moved = true;
      }
    });
    if (allMet) best = { result, aversion: used };
    if (!moved || pass === TE_PASSES) break;
    const next = solve();
    if (!usable(next)) break;
    result = next;
  }
  if (best === null) return result;
  aversion.set(best.aversion);
  return best.result;
}

/**
 * The Illinois weight of a bracket end kept while the other end moved `passes` times in a row:
 * 1 for the first, then halved for each further pass (see {@link nextAversion}).
 */
export function keptWeight(passes: number): number {
  return 0.5 ** Math.max(0, passes - 1);
}

/**
 * The next λ for a group still over its limit with no λ yet known to meet it: geometric growth
 * by 4–1000× (more the further TE is over), or — once two λ over the limit have been seen,
 * TE falling between them — the secant through them in (log λ, log TE) extended to the target,
 * kept within [1.2×, the geometric step]. Near the limit (after a hint, or after the first
 * growth step fell just short) the secant lands in the band where a 4× step overshoots it and
 * costs two more solves to come back.
 */
export function stepUp(
  lam: number,
  te: number,
  prevLam: number,
  prevTe: number,
  target: number,
): number {
  const geometric = lam * Math.min(1e3, Math.max(4, 4 * (te / target) ** 2));
  if (!(prevLam > 0 && prevLam < lam && prevTe > te && te > target)) return geometric;
  const slope = (Math.log(lam) - Math.log(prevLam)) / (Math.log(te) - Math.log(prevTe));
  const next = lam * Math.exp((Math.log(target) - Math.log(te)) * slope);
  return Math.min(geometric, Math.max(1.2 * lam, next));
}

/**
 * The next λ between `lo` (TE `teLo` above the band) and `hi` (TE `teHi` within or below it).
 * TE falls smoothly in λ, close to a power law, so a secant step in (log λ, log TE) towards the
 * band's middle usually lands in the band at once:
 *
 *   log λ* = log lo + (log target − log teLo) · (log hi − log lo) / (log teHi − log teLo)
 *
 * It is kept inside the middle 80% of [log lo, log hi] so each pass shrinks the bracket; with
 * a side unseen or flat it falls back to the geometric midpoint √(lo·hi).
 *
 * Where TE is far from a power law — flat over a range of λ, then falling steeply once λ
 * outweighs a steep cost such as an elastic turnover limit — the secant keeps landing on the
 * same side and moves that end by the guard's 10% a pass (a household of the demo book took
 * the search's full 12 passes so). `weights` are the Illinois correction: the caller halves
 * the weight of an end kept for a second pass in a row, and again for each pass after, so
 *
 *   f_lo = w_lo·log(teLo/target) > 0,  f_hi = w_hi·log(teHi/target) < 0,
 *   log λ* = log lo + f_lo · (log hi − log lo) / (f_lo − f_hi)
 *
 * moves towards the kept end (superlinear convergence, as regula falsi's Illinois variant).
 */
export function nextAversion(
  lo: number,
  teLo: number,
  hi: number,
  teHi: number,
  target: number,
  weights: { lo: number; hi: number } = { lo: 1, hi: 1 },
): number {
  const mid = Math.sqrt(lo * hi);
  if (!(lo > 0) || !(teLo > teHi) || !(teHi > 0)) return mid;
  const [x0, x1] = [Math.log(lo), Math.log(hi)];
  const fLo = weights.lo * (Math.log(teLo) - Math.log(target));
  const fHi = weights.hi * (Math.log(teHi) - Math.log(target));
  const x = fLo > fHi ? x0 + (fLo * (x1 - x0)) / (fLo - fHi) : (x0 + x1) / 2;
  const guard = 0.1 * (x1 - x0);
  return Math.exp(Math.min(x1 - guard, Math.max(x0 + guard, x)));
}
