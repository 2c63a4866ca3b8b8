import { describe, expect, it } from 'vitest';
import { nextAversion } from './te-limits.js';

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

  it('falls back to the geometric midpoint without two usable sides', () => {
    expect(nextAversion(0, NaN, 100, 0.01, 0.02)).toBe(0);
    expect(nextAversion(4, 0.02, 16, 0.02, 0.02)).toBe(8);
    expect(nextAversion(4, NaN, 16, 0.01, 0.02)).toBe(8);
  });
});
