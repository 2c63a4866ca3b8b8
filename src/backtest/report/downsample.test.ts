import { describe, expect, it } from 'vitest';
import { downsample } from './downsample.js';

describe('downsample', () => {
  const values = Array.from({ length: 5_000 }, (_, i) => Math.sin(i / 50) * 100 + i / 10);
  values[2_345] = 1_000; // a one-day spike plain decimation would likely drop
  values[4_001] = -1_000;

  it('caps the points and keeps the ends and the extremes, in order', () => {
    const kept = downsample(
      values.map((v, i) => ({ i, v })),
      720,
      (p) => p.v,
    );
    expect(kept.length).toBeLessThanOrEqual(720);
    expect(kept.length).toBeGreaterThan(600);
    expect(kept[0]!.i).toBe(0);
    expect(kept[kept.length - 1]!.i).toBe(4_999);
    expect(kept.map((p) => p.v)).toContain(1_000);
    expect(kept.map((p) => p.v)).toContain(-1_000);
    expect(kept.every((p, k) => k === 0 || p.i > kept[k - 1]!.i)).toBe(true);
  });

  it('returns short series unchanged', () => {
    expect(downsample([3, 1, 2], 720, (v) => v)).toEqual([3, 1, 2]);
  });
});
