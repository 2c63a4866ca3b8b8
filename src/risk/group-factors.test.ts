import { describe, expect, it } from 'vitest';
import { fitGroupFactors } from './group-factors.js';

describe('fitGroupFactors', () => {
  it('recovers an exactly rank-one residual block', () => {
    const b = [0.02, 0.03, 0.01];
    const covariance = (i: number, j: number) => b[i]! * b[j]!;
    const [group] = fitGroupFactors(new Map([['G', [0, 1, 2]]]), covariance);
    expect(group!.name).toBe('G');
    group!.exposures.forEach((x, r) =>
      expect(x * Math.sqrt(group!.variance)).toBeCloseTo(b[r]!, 12),
    );
    group!.specificVariance.forEach((s) => expect(s).toBeCloseTo(0, 12));
    const mean = [...group!.exposures].reduce((s, x) => s + Math.abs(x), 0) / 3;
    expect(mean).toBeCloseTo(1, 12);
  });

  it('keeps specific variances non-negative and skips single-member groups', () => {
    const block = [
      [0.04, 0.035],
      [0.035, 0.05],
    ];
    const groups = fitGroupFactors(
      new Map([
        ['PAIR', [0, 1]],
        ['ALONE', [2]],
      ]),
      (i, j) => block[i]![j]!,
    );
    expect(groups.map((g) => g.name)).toEqual(['PAIR']);
    const g = groups[0]!;
    g.specificVariance.forEach((s) => expect(s).toBeGreaterThan(0));
    // Diagonal is reproduced: b_i² + s_i = B_ii.
    g.members.forEach((_, r) =>
      expect(g.exposures[r]! ** 2 * g.variance + g.specificVariance[r]!).toBeCloseTo(
        block[r]![r]!,
        12,
      ),
    );
  });
});
