/**
 * A small least-recently-used cache of solvers keyed by sparsity pattern, so callers that solve
 * many problems on one model (every account of a model portfolio) share one symbolic analysis
 * without managing solver objects. The key is a hash of dimensions and index arrays; a hit is
 * confirmed by comparing the patterns entry by entry. A problem whose matrices hold the very
 * index arrays of the last solver's pattern (a caller re-solving one problem object with new
 * numbers, as the rebalance's passes do) skips the hash: 0.8% of a direct-index household.
 */
import { samePattern } from './csc.js';
import { analysedSolver, normalizePattern, type QpSolver } from './solver.js';
import type { CscMatrix, QpOptions, QpPattern, QpProblem, QpResult, QpStart } from './types.js';
import { validatePattern } from './validate.js';

const MAX_ENTRIES = 16;
const cache = new Map<string, QpSolver[]>();
let size = 0;

/** FNV-1a over the dimensions and index arrays of a matrix. */
function hashMatrix(h: number, m: CscMatrix): number {
  const mix = (x: number): void => {
    h = Math.imul(h ^ (x & 0xffff), 16777619);
    h = Math.imul(h ^ (x >>> 16), 16777619);
  };
  mix(m.nrows);
  mix(m.ncols);
  const nz = m.colPtr[m.ncols]!;
  for (let j = 0; j <= m.ncols; j++) mix(m.colPtr[j]!);
  for (let p = 0; p < nz; p++) mix(m.rowIdx[p]!);
  return h;
}

function patternKey(p: Required<QpPattern>): string {
  let h = 2166136261;
  h = hashMatrix(h, p.P);
  h = hashMatrix(h, p.A);
  h = hashMatrix(h, p.C);
  return `${p.n}:${p.A.nrows}:${p.C.nrows}:${h >>> 0}`;
}

function matches(s: QpSolver, p: Required<QpPattern>): boolean {
  const q = s.pattern;
  return q.n === p.n && samePattern(q.P, p.P) && samePattern(q.A, p.A) && samePattern(q.C, p.C);
}

/** The solver last returned: a caller re-solving one problem object finds it without hashing. */
let last: QpSolver | null = null;

/** The same index arrays (so the same pattern, as checkPattern also assumes). */
function sameArrays(m: CscMatrix | undefined, ref: CscMatrix): boolean {
  return (
    m !== undefined && m.nrows === ref.nrows && m.colPtr === ref.colPtr && m.rowIdx === ref.rowIdx
  );
}

/** Returns the cached solver for this pattern, analysing it on first use. */
export function solverFor(pattern: QpPattern): QpSolver {
  if (last !== null) {
    const q = last.pattern;
    if (
      q.n === pattern.n &&
      sameArrays(pattern.P, q.P) &&
      sameArrays(pattern.A, q.A) &&
      sameArrays(pattern.C, q.C)
    )
      return last;
  }
  validatePattern(pattern);
  const p = normalizePattern(pattern);
  const key = patternKey(p);
  const bucket = cache.get(key);
  const hit = bucket?.find((s) => matches(s, p));
  if (hit && bucket) {
    // Refresh recency: Map iteration order is insertion order.
    cache.delete(key);
    cache.set(key, bucket);
    last = hit;
    return hit;
  }
  const solver = analysedSolver(p);
  last = solver;
  if (bucket) bucket.push(solver);
  else cache.set(key, [solver]);
  size++;
  while (size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    const dropped = cache.get(oldest) ?? [];
    size -= dropped.length;
    cache.delete(oldest);
    // Nothing else holds the cache's solvers: their memory goes to the next ones.
    for (const s of dropped) s.release();
  }
  return solver;
}

/**
 * Solves one QP, reusing the symbolic analysis of any earlier problem with the same sparsity
 * pattern (up to 16 patterns are kept).
 */
export function solveQp(problem: QpProblem, options?: QpOptions, start?: QpStart): QpResult {
  return solverFor(problem).solve(problem, options, start);
}

/** Drops every cached solver (frees their workspaces). */
export function clearQpSolverCache(): void {
  last = null;
  for (const bucket of cache.values()) for (const s of bucket) s.release();
  cache.clear();
  size = 0;
}
