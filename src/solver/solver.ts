/**
 * Solver objects: the symbolic analysis (AMD ordering, elimination tree, L pattern) is done once
 * per sparsity pattern, at its first solve (of the presolved pattern where presolve applies,
 * presolve-plan.ts); later solves only scale, factorise numerically and iterate, allocating only
 * result vectors.
 */
import {
  crossedCertificate,
  infeasibilityCertificate,
  unboundednessCertificate,
} from './certificates.js';
import { samePattern } from './csc.js';
import { REDUCED_TOLERANCE, runIpm, type IpmOutcome } from './ipm.js';
import { runLeanIpm } from './ipm-lean.js';
import { IpmState } from './ipm-state.js';
import { releaseArena, takeArena } from './simd/arena-pool.js';
import { arenaBytes } from './simd/vector-arena.js';
import { KktPattern, KktSystem } from './kkt.js';
import { DEFAULT_QP_OPTIONS, resolveOptions } from './options.js';
import { expandResult } from './presolve-expand.js';
import { PresolveWork, reduceProblem, reduceStart } from './presolve-reduce.js';
import { planPresolve, type PresolvePlan } from './presolve-plan.js';
import { ScaledProblem, type LoadedProblem } from './scaled-problem.js';
import { unscale } from './solution.js';
import { computeResiduals, newDots } from './residuals.js';
import { rowActivityCertificate, rowActivityWork } from './row-activity.js';
import { evaluate, type DataNorms, type Progress } from './termination.js';
import type { CscMatrix, QpOptions, QpPattern, QpProblem, QpResult, QpStart } from './types.js';
import { validatePattern, validateValues } from './validate.js';
import { checkStart, usableStart } from './warm-start.js';

/** A solver bound to one sparsity pattern; reuse it for every problem with that pattern. */
export interface QpSolver {
  /** The pattern this solver was analysed for (missing matrices replaced by empty ones). */
  readonly pattern: Required<QpPattern>;
  /**
   * Nonzeros in the factor L (a measure of the per-iteration work): of the presolved system
   * once a solve has used presolve, else of the whole one.
   */
  readonly factorNonzeros: number;
  /**
   * Solves a problem whose P, A and C have exactly this solver's sparsity pattern (values may
   * differ). Throws only for malformed input; every outcome is reported in `status`.
   * `start`, an earlier solution with this pattern, warm-starts the iteration (a start with a
   * non-finite entry is ignored).
   */
  solve(problem: QpProblem, options?: QpOptions, start?: QpStart): QpResult;
  /**
   * Hands the solver's WebAssembly memory back for later solvers to reuse (the solver cache
   * does so for each solver it drops). Optional: a solver never released is collected like any
   * object. A released solver throws if asked to solve again.
   */
  release(): void;
}

function emptyCsc(nrows: number, ncols: number): CscMatrix {
  return {
    nrows,
    ncols,
    colPtr: new Int32Array(ncols + 1),
    rowIdx: new Int32Array(0),
    values: new Float64Array(0),
  };
}

/** Replaces missing matrices with empty ones of the right shape. */
export function normalizePattern(p: QpPattern): Required<QpPattern> {
  return {
    n: p.n,
    P: p.P ?? emptyCsc(p.n, p.n),
    A: p.A ?? emptyCsc(0, p.n),
    C: p.C ?? emptyCsc(0, p.n),
  };
}

/** A missing matrix matches the empty matrix normalizePattern would have made for it. */
function sameAsPattern(m: CscMatrix | undefined, ref: CscMatrix, emptyRows: number): boolean {
  if (m === undefined) return ref.colPtr[ref.ncols] === 0 && ref.nrows === emptyRows;
  return m === ref || samePattern(m, ref);
}

function checkPattern(
  name: string,
  m: CscMatrix | undefined,
  ref: CscMatrix,
  emptyRows: number,
): void {
  if (!sameAsPattern(m, ref, emptyRows)) {
    throw new Error(
      `QP input: ${name} does not have this solver's sparsity pattern; create a solver for ` +
        `the new pattern with createQpSolver (or use solveQp, which caches solvers by pattern)`,
    );
  }
}

function dataNorms(p: QpProblem): DataNorms {
  const b = Math.max(
    finiteMax(p.b),
    finiteMax(p.cl),
    finiteMax(p.cu),
    finiteMax(p.lb),
    finiteMax(p.ub),
  );
  let q = 0;
  for (let j = 0; j < p.n; j++) q = Math.max(q, Math.abs(p.q[j]!));
  return { b, q };
}

/**
 * max |v_i| over the entries below 1e20 in magnitude (0 for none). A plain function, not a
 * closure updating a captured maximum: each write of a captured number boxes it anew.
 */
function finiteMax(v: Float64Array | undefined): number {
  let max = 0;
  if (v === undefined) return max;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]!);
    if (a < 1e20 && a > max) max = a;
  }
  return max;
}

/**
 * Validates a sparsity pattern and returns a reusable solver, which analyses it once (at its first
 * solve).
 *
 * @example
 * // min ½(x₀² + x₁²) − 2x₀  s.t.  x₀ + x₁ = 1,  x ≥ 0
 * const P = cscFromTriplets(2, 2, [0, 1], [0, 1], [1, 1]);
 * const A = cscFromTriplets(1, 2, [0, 0], [0, 1], [1, 1]);
 * const solver = createQpSolver({ n: 2, P, A });
 * const res = solver.solve({
 *   n: 2, P, A, q: Float64Array.of(-2, 0), b: Float64Array.of(1), lb: new Float64Array(2),
 * });
 * // res.status === 'optimal', res.x ≈ [1, 0], res.y ≈ [-1], res.zx ≈ [0, 1]
 */
export function createQpSolver(pattern: QpPattern, settings?: QpSolverSettings): QpSolver {
  validatePattern(pattern);
  return analysedSolver(normalizePattern(pattern), settings?.simd ?? true);
}

/** Settings of a solver object, fixed for its life (per-solve settings are QpOptions). */
export interface QpSolverSettings {
  /**
   * Run the iteration's vector passes, the factorisation and the solves as WebAssembly kernels
   * (simd/kernels.wat), default true; false runs their TypeScript twins alone, which agree to
   * rounding (for comparison).
   */
  simd?: boolean;
}

/** createQpSolver for a pattern already validated and normalised (the solver cache's path). */
export function analysedSolver(pat: Required<QpPattern>, simd = true): QpSolver {
  const { n, P, A, C } = pat;
  // Planned at the first solve with presolve on (its bounds decide the candidates); each core
  // solver is analysed on first use, so a pattern whose problems never fit the plan, or that
  // has none, pays for one symbolic analysis only.
  let plan: PresolvePlan | null | undefined;
  let work: PresolveWork | null = null;
  let reduced: CoreSolver | null = null;
  let whole: CoreSolver | null = null;
  let released = false;
  const solve = (problem: QpProblem, options?: QpOptions, start?: QpStart): QpResult => {
    if (released) {
      throw new Error('QP solver: solve() after release(); make a new one with createQpSolver');
    }
    if (problem.n !== n)
      throw new Error(`QP input: problem has n = ${problem.n}; this solver was built for n = ${n}`);
    checkPattern('P', problem.P, P, n);
    checkPattern('A', problem.A, A, 0);
    checkPattern('C', problem.C, C, 0);
    validateValues(problem);
    if (start) checkStart(start, n, A.nrows, C.nrows);
    const warm = start && usableStart(start) ? start : undefined;
    if (options?.presolve ?? DEFAULT_QP_OPTIONS.presolve) {
      if (plan === undefined) plan = planPresolve(pat, problem);
      if (plan !== null) {
        work ??= new PresolveWork(plan);
        const small = reduceProblem(work, problem);
        if (small) {
          reduced ??= coreSolver(plan.reduced, simd);
          const res = reduced.solveValid(small, options, warm && reduceStart(plan, warm));
          return expandResult(work, problem, res);
        }
      }
    }
    whole ??= coreSolver(pat, simd);
    return whole.solveValid(problem, options, warm);
  };
  return {
    pattern: pat,
    get factorNonzeros() {
      return (reduced ?? (whole ??= coreSolver(pat, simd))).factorNonzeros;
    },
    solve,
    release: () => {
      released = true;
      reduced?.release();
      whole?.release();
    },
  };
}

/** A solver without presolve: what analysedSolver runs on the full or the reduced pattern. */
interface CoreSolver {
  readonly factorNonzeros: number;
  /** solve() for a problem already checked against the pattern and validated. */
  solveValid(problem: QpProblem, options?: QpOptions, start?: QpStart): QpResult;
  /** Returns the arena to the pool (the QpSolver around it refuses to solve from then on). */
  release(): void;
}

function coreSolver(pat: Required<QpPattern>, simd: boolean): CoreSolver {
  const { n, P, A, C } = pat;
  const me = A.nrows;
  const mi = C.nrows;
  const kktPattern = new KktPattern(n, me, mi, P, A, C);
  const N = n + mi;
  const m = me + mi;
  // The vectors and the factor in a WebAssembly memory of their own, with the kernels bound to
  // them.
  const arena = simd
    ? takeArena(
        arenaBytes(
          ScaledProblem.slabBytes(n, mi, m, P, A, C) + ScaledProblem.indexBytes(n, P, A),
          IpmState.slabBytes(N, m, kktPattern.nK),
          KktSystem.arenaBytes(kktPattern),
        ),
      )
    : undefined;
  const kkt = new KktSystem(kktPattern, arena);
  const sp = new ScaledProblem(n, me, mi, P, A, C, arena);
  const st = new IpmState(N, m, kktPattern.nK, arena, kktPattern.sym.pinv);
  arena?.bind(sp, st);
  const activityWork = rowActivityWork(Math.max(me, mi));
  const progress: Progress = {
    resPrimal: 0,
    resDual: 0,
    gapAbs: 0,
    pobj: 0,
    dobj: 0,
    merit: Infinity,
  };

  const solveValid = (problem: QpProblem, options?: QpOptions, start?: QpStart): QpResult => {
    const opts = resolveOptions(options);
    // Values come from the caller's matrices; missing ones are the (empty) pattern matrices.
    const full: LoadedProblem = {
      ...problem,
      P: problem.P ?? P,
      A: problem.A ?? A,
      C: problem.C ?? C,
    };
    sp.load(full, opts.scalingIterations);
    // Infeasible before iterating: crossed bounds, or a row its variable bounds rule out.
    const early = sp.crossed
      ? crossedCertificate(sp, sp.crossed.kind, sp.crossed.index, sp.crossed.amount)
      : opts.rowActivityCheck
        ? rowActivityCertificate(full, opts.tolFeas, activityWork)
        : null;
    if (early) {
      st.v.fill(0);
      st.tau = 1;
      return {
        status: 'infeasible',
        ...unscale(sp, st, full),
        iterations: 0,
        gap: NaN,
        certificate: early,
      };
    }
    kkt.loadValues(sp.Pv, sp.pDiag, sp.Av, sp.Cv);
    let hasQuadratic = false;
    for (let k = 0; k < sp.Pv.length && !hasQuadratic; k++) hasQuadratic = sp.Pv[k] !== 0;
    const norms = dataNorms(full);
    st.bestMerit = Infinity;
    // Lean path first (no homogeneous embedding); the homogeneous method is the fallback.
    const lean = runLeanIpm(sp, kkt, st, opts, norms, progress, hasQuadratic, start);
    st.bestMerit = Infinity;
    let outcome: IpmOutcome = lean.optimal
      ? { status: 'optimal', iterations: lean.iterations }
      : runIpm(sp, kkt, st, opts, norms, progress, hasQuadratic, false);
    if (!lean.optimal) outcome = { ...outcome, iterations: lean.iterations + outcome.iterations };
    let reducedAccuracy = false;
    const stalled = (): boolean =>
      outcome.status === 'numericalError' || outcome.status === 'iterationLimit';
    if (stalled()) {
      // Robust retry: iterative refinement on every KKT solve.
      const first = outcome.iterations;
      outcome = runIpm(sp, kkt, st, opts, norms, progress, hasQuadratic, true);
      outcome = { ...outcome, iterations: first + outcome.iterations };
    }
    if (stalled() && st.bestMerit <= REDUCED_TOLERANCE) {
      // "Almost solved": the best iterate of either attempt meets the reduced tolerances.
      st.restoreBest();
      const dots = newDots();
      computeResiduals(sp, st, dots);
      evaluate(sp, st, dots, norms, opts, progress);
      outcome = { status: 'optimal', iterations: outcome.iterations };
      reducedAccuracy = true;
    } else if (outcome.reduced === true) {
      reducedAccuracy = true;
    }
    const sol = unscale(sp, st, full);
    const certificate =
      outcome.status === 'infeasible'
        ? infeasibilityCertificate(sp, st, full)
        : outcome.status === 'unbounded'
          ? unboundednessCertificate(sp, st, full)
          : undefined;
    return {
      status: outcome.status,
      ...sol,
      iterations: outcome.iterations,
      gap: progress.gapAbs,
      ...(certificate ? { certificate } : {}),
      ...(reducedAccuracy ? { reducedAccuracy } : {}),
    };
  };
  let released = false;
  const release = (): void => {
    if (arena !== undefined && !released) releaseArena(arena);
    released = true;
  };
  return { factorNonzeros: kktPattern.sym.lnz, solveValid, release };
}
