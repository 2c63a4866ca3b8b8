import { describe, expect, it } from 'vitest';
import { clearQpSolverCache, createQpSolver, cscFromTriplets, solveQp } from '../index.js';
import type { QpProblem } from '../types.js';
import { arenasMade, pooledArenas, releaseArena, takeArena } from './arena-pool.js';

/** min ½‖x‖² − x₀ + ½Σᵢ₌₁ xᵢ over x ≥ 0 with Σx = 1 (x = e₀), in `n` variables (a pattern per n). */
function simplexQp(n: number): QpProblem {
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  return {
    n,
    P: cscFromTriplets(n, n, idx, idx, new Float64Array(n).fill(1)),
    A: cscFromTriplets(1, n, new Int32Array(n), idx, new Float64Array(n).fill(1)),
    q: Float64Array.from({ length: n }, (_, i) => (i === 0 ? -1 : 0.5)),
    b: Float64Array.of(1),
    lb: new Float64Array(n),
  };
}

describe('arena pool', () => {
  it('gives a released arena, zeroed, to the next solver of about its size', () => {
    const a = takeArena(1000);
    a.region(1000);
    const dirty = new Float64Array(a.out.buffer, 192, 8).fill(7);
    releaseArena(a);
    const b = takeArena(900);
    expect(b).toBe(a);
    expect([...dirty]).toEqual(new Array(8).fill(0));
    expect(b.region(16).start).toBe(192);
    releaseArena(b);
    expect(takeArena(200_000)).not.toBe(a);
    // More than four times the size asked for and a page is too wasteful to hand out.
    const large = takeArena(1_000_000);
    releaseArena(large);
    expect(takeArena(10)).not.toBe(large);
    expect(takeArena(300_000)).toBe(large);
  });

  it('keeps at most eight', () => {
    for (let i = 0; i < 12; i++) releaseArena(takeArena(100 + i));
    expect(pooledArenas()).toBeLessThanOrEqual(8);
  });

  it('a released solver refuses to solve; the cache releases the solvers it drops', () => {
    const p = simplexQp(3);
    const solver = createQpSolver(p);
    expect(solver.solve(p).status).toBe('optimal');
    solver.release();
    expect(() => solver.solve(p)).toThrow(/solve\(\) after release\(\); make a new one/);

    clearQpSolverCache();
    while (pooledArenas() > 0) takeArena(1);
    // 20 patterns through a cache of 16: each of the 4 solvers dropped hands its arena to the
    // new one that pushed it out (a solver takes its arena at its first solve).
    const before = arenasMade();
    for (let n = 2; n < 22; n++) expect(solveQp(simplexQp(n)).x[0]).toBeCloseTo(1, 6);
    expect(arenasMade() - before).toBe(16);
    expect(pooledArenas()).toBe(0);
    clearQpSolverCache();
    expect(pooledArenas()).toBe(8);
    // Solves on recycled arenas are right.
    for (let n = 2; n < 22; n++) expect(solveQp(simplexQp(n)).x[0]).toBeCloseTo(1, 6);
  });
});
