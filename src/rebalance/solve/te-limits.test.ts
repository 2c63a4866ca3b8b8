import { describe, expect, it } from 'vitest';
import { keptWeight, nextAversion, stepUp } from './te-limits.js';

describe('nextAversion', () => {
  // TE(λ) = c·λ^(−p): the power law the secant step assumes in (log λ, log TE).
  const te = (lam: number, p = 0.5, c = 1) => c * lam ** -p;

  it('lands on the target in one step when TE follows a power law', () => {
    const [lo, hi, target] = [1, 10_000, te(100)];
    const next = nextAversion(lo, te(lo), hi, te(hi), target);
    expect(next).toBeCloseTo(100, 6);
  });

  it('stays inside the middle 80% of the bracket, in log λ, whatever the curve', () => {
    const [lo, hi] = [1, 1e4];
    // Target near the violating end: the step is held back from lo.
    const near = nextAversion(lo, te(lo), hi, te(hi), 0.999 * te(lo));
    expect(near).toBeCloseTo(10 ** 0.4, 9);
    const far = nextAversion(lo, te(lo), hi, te(hi), 0.5 * te(hi));
    expect(far).toBeCloseTo(10 ** 3.6, 6);
  });

  it('weights an end 1 for its first pass kept, then halves it for each further pass', () => {
    expect([0, 1, 2, 3, 4].map(keptWeight)).toEqual([1, 1, 0.5, 0.25, 0.125]);
  });

  it('moves towards an end the weights mark as kept (the Illinois correction)', () => {
    const [lo, hi, target] = [1, 1e4, te(100)];
    const plain = nextAversion(lo, te(lo), hi, te(hi), target);
    const keptHi = nextAversion(lo, te(lo), hi, te(hi), target, { lo: 1, hi: 0.25 });
    const keptLo = nextAversion(lo, te(lo), hi, te(hi), target, { lo: 0.25, hi: 1 });
    expect(keptHi).toBeGreaterThan(plain);
    expect(keptLo).toBeLessThan(plain);
  });

  it('brackets a TE that is flat, then falls steeply, in a few passes with the correction', () => {
    // The shape of an elastic turnover limit: TE barely moves until λ outweighs its cost, at
    // about 700, then drops. The band is [0.97, 0.995] × limit, aimed at its middle.
    const limit = 0.0075;
    const curve = (lam: number) =>
      lam < 700 ? 0.0076 * (lam / 100) ** -0.005 : 0.0074 * (lam / 700) ** -0.6;
    const passes = (illinois: boolean): number => {
      let [lo, teLo, hi, teHi] = [5, curve(5), 1151, curve(1151)];
      let [runLo, runHi] = [0, 0];
      for (let pass = 1; pass <= 40; pass++) {
        const w = illinois ? { lo: keptWeight(runHi), hi: keptWeight(runLo) } : { lo: 1, hi: 1 };
        const lam = nextAversion(lo, teLo, hi, teHi, 0.9825 * limit, w);
        const t = curve(lam);
        if (t <= 0.995 * limit && t >= 0.97 * limit) return pass;
        if (t > 0.995 * limit) [lo, teLo, runLo, runHi] = [lam, t, runLo + 1, 0];
        else [hi, teHi, runHi, runLo] = [lam, t, runHi + 1, 0];
      }
      return Infinity;
    };
    expect(passes(false)).toBeGreaterThan(12);
    expect(passes(true)).toBeLessThanOrEqual(8);
  });

  it('falls back to the geometric midpoint without two usable sides', () => {
    expect(nextAversion(0, NaN, 100, 0.01, 0.02)).toBe(0);
    expect(nextAversion(4, 0.02, 16, 0.02, 0.02)).toBe(8);
    expect(nextAversion(4, NaN, 16, 0.01, 0.02)).toBe(8);
  });
});

describe('stepUp', () => {
  const te = (lam: number, p = 0.5, c = 1) => c * lam ** -p;

  it('grows geometrically, more the further TE is over, with one point seen', () => {
    expect(stepUp(10, 0.02, NaN, NaN, 0.01)).toBe(160);
    expect(stepUp(10, 0.0101, NaN, NaN, 0.01)).toBeCloseTo(40.804, 9);
    expect(stepUp(10, 0.009, NaN, NaN, 0.01)).toBe(40);
    expect(stepUp(10, 1, NaN, NaN, 0.01)).toBe(10_000);
  });

  it('extends the secant through two points over the limit to the target', () => {
    // Power law: the secant through λ = 1 and 4 reaches the target exactly (λ = 100 < 4·160).
    expect(stepUp(4, te(4), 1, te(1), te(100))).toBeCloseTo(100, 6);
  });

  it('keeps the secant step within [1.2×, the geometric step]', () => {
    // TE barely fell: the secant would go far beyond the geometric step.
    expect(stepUp(4, 0.0299, 1, 0.03, 0.01)).toBe(4 * 4 * (0.0299 / 0.01) ** 2);
    // Almost at the target: still at least 1.2×, so the bracket moves.
    expect(stepUp(4, te(4.01), 1, te(1), te(4.02))).toBeCloseTo(4.8, 9);
  });

  it('ignores a previous point that does not bracket a fall in TE', () => {
    const geometric = stepUp(4, 0.02, NaN, NaN, 0.01);
    expect(stepUp(4, 0.02, 1, 0.019, 0.01)).toBe(geometric);
    expect(stepUp(4, 0.02, 8, 0.03, 0.01)).toBe(geometric);
  });
});
