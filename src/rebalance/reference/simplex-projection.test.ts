import { describe, expect, it } from 'vitest';
import { seededDraw } from './seeded-draw.js';
import { projectOntoSimplex, type SimplexSet } from './simplex-projection.js';

/** (y − w)ᵀ(v − w) ≤ 0 at every vertex v of the set: w is the projection (the set is a polytope). */
function isProjection(y: Float64Array, w: Float64Array, set: SimplexSet): boolean {
  const vertices: Float64Array[] = [];
  set.allowed.forEach((ok, j) => {
    if (!ok) return;
    const v = new Float64Array(y.length);
    v[j] = set.budget;
    vertices.push(v);
  });
  if (set.rule === 'atMost') vertices.push(new Float64Array(y.length));
  return vertices.every((v) => {
    let t = 0;
    for (let i = 0; i < y.length; i++) t += (y[i]! - w[i]!) * (v[i]! - w[i]!);
    return t <= 1e-12;
  });
}

describe('projectOntoSimplex', () => {
  it('projects onto the simplex with zeros (rule equal)', () => {
    const set: SimplexSet = { allowed: [true, true, false, true], budget: 1, rule: 'equal' };
    const w = projectOntoSimplex(Float64Array.from([0.5, 0.4, 0.9, -0.2]), set);
    expect(Array.from(w)).toEqual([expect.closeTo(0.55, 12), expect.closeTo(0.45, 12), 0, 0]);
  });

  it('keeps a point already inside the capped set (rule atMost)', () => {
    const set: SimplexSet = { allowed: [true, true, true], budget: 1, rule: 'atMost' };
    const w = projectOntoSimplex(Float64Array.from([0.2, -0.1, 0.3]), set);
    expect(Array.from(w)).toEqual([0.2, 0, 0.3]);
  });

  it('meets the variational inequality on random points, both rules', () => {
    const d = seededDraw(7);
    for (let run = 0; run < 200; run++) {
      const n = d.int(1, 12);
      const allowed = Array.from({ length: n }, () => d.chance(80));
      allowed[d.int(0, n - 1)] = true;
      const set: SimplexSet = {
        allowed,
        budget: d.uniform(0.5, 1),
        rule: d.chance(50) ? 'equal' : 'atMost',
      };
      const y = Float64Array.from({ length: n }, () => d.uniform(-0.5, 1));
      const w = projectOntoSimplex(y, set);
      const sum = w.reduce((t, x) => t + x, 0);
      expect(w.every((x, i) => x >= 0 && (allowed[i] || x === 0))).toBe(true);
      if (set.rule === 'equal') expect(sum).toBeCloseTo(set.budget, 12);
      else expect(sum).toBeLessThanOrEqual(set.budget + 1e-12);
      expect(isProjection(y, w, set)).toBe(true);
    }
  });
});
