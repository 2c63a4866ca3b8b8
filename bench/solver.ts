/**
 * QP solver benchmark: rebalance-shaped problems (bench/solver/rebalance-instance.ts), solved by
 * the Tailor solver and by npm `highs` in the same process.
 *
 *   npm run bench:solver                      # 200 instances per size
 *   BENCH_INSTANCES=20 npm run bench:solver   # quick run (or: -- --instances 20)
 *   BENCH_SIZES=500x20 npm run bench:solver   # only some sizes (n x k, comma separated)
 *   npm run bench:solver -- --write-mps DIR   # write the instances as MPS files, time nothing
 *
 * Only solving is timed (problem construction excluded). Each size is warmed up first. Tailor
 * reports the first solve (createQpSolver = symbolic analysis, plus solve) and the repeated-
 * pattern solve (solve again with the same solver object: the per-account cost when accounts
 * share a model); the headline is the repeated-pattern median. HiGHS is timed on model.run(),
 * in a pass of its own after Tailor's.
 * A failure is any status other than optimal; a HiGHS "optimal" answer whose x violates a row
 * or bound by more than 1e-6 is counted as a failure too. HiGHS's times (and so the ratio) are
 * of its solved runs only: the time to a failure is not a time to solve. HiGHS gets the bound
 * scaling it needs on these weights (HIGHS_BOUND_SCALE). Writes bench/results/solver.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createQpSolver } from '../src/solver/index.js';
import { kktReport, objectiveAt, primalViolation } from '../src/solver/testing/kkt-check.js';
import { highsInstance, runHighs } from './solver/highs-adapter.js';
import { generateRebalance } from './solver/rebalance-instance.js';
import { writeMpsFiles } from './solver/write-mps.js';
import { round, roundSummary, summarize } from './solver/stats.js';

const DEFAULT_SIZES: [number, number][] = [
  [20, 10],
  [20, 20],
  [20, 40],
  [100, 10],
  [100, 20],
  [100, 40],
  [500, 10],
  [500, 20],
  [500, 40],
];

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const instances = Number(argValue('instances') ?? process.env.BENCH_INSTANCES ?? 200);
const sizeSpec = argValue('sizes') ?? process.env.BENCH_SIZES;
const sizes: [number, number][] = sizeSpec
  ? sizeSpec.split(',').map((s) => s.split('x').map(Number) as [number, number])
  : DEFAULT_SIZES;

const now = (): number => performance.now();
const mpsDir = argValue('write-mps');

async function benchSize(n: number, k: number) {
  const highs = await highsInstance();
  const problems = Array.from({ length: instances }, (_, s) => generateRebalance(n, k, s + 1));
  // Warm-up (JIT) for both solvers on instances outside the measured set: at least 20 Tailor
  // solves and 300 ms, and two HiGHS runs.
  const warmStart = now();
  for (let s = 0; s < 20 || now() - warmStart < 300; s++) {
    const w = generateRebalance(n, k, 10_000 + s).problem;
    const solver = createQpSolver(w);
    for (let r = 0; r < 3; r++) solver.solve(w);
    if (s < 2) runHighs(highs, w);
  }
  const first: number[] = [];
  const repeat: number[] = [];
  const iterations: number[] = [];
  const highsMs: number[] = [];
  const tStatus: Record<string, number> = {};
  const hStatus: Record<string, number> = {};
  let tailorFailures = 0;
  let reduced = 0;
  let highsFailures = 0;
  let maxAbsGap = 0;
  let maxRelGap = 0;
  // Signed: Tailor's objective above HiGHS's (Tailor worse) and below (HiGHS worse).
  let tailorAbove = 0;
  let highsAbove = 0;
  let compared = 0;
  let maxPrimal = 0;
  let maxDual = 0;
  // Each solver in a pass of its own: a HiGHS run between two Tailor solves leaves its
  // WebAssembly heap in the caches and the collector's way (n = 20: Tailor 0.32–0.44 ms
  // interleaved against 0.30–0.32 alone, same instances), and nothing in use runs them so.
  const tailorResults: { status: string; objective: number }[] = [];
  for (const inst of problems) {
    const p = inst.problem;
    let t0 = now();
    const solver = createQpSolver(p);
    solver.solve(p);
    first.push(now() - t0);
    t0 = now();
    const res = solver.solve(p);
    repeat.push(now() - t0);
    iterations.push(res.iterations);
    tStatus[res.status] = (tStatus[res.status] ?? 0) + 1;
    if (res.status !== 'optimal') tailorFailures++;
    if (res.reducedAccuracy) reduced++;
    else {
      const rep = kktReport(p, res);
      maxPrimal = Math.max(maxPrimal, rep.primal);
      maxDual = Math.max(maxDual, rep.dual);
    }
    tailorResults.push({ status: res.status, objective: res.objective });
  }
  for (const [i, inst] of problems.entries()) {
    const p = inst.problem;
    const res = tailorResults[i]!;
    const h = runHighs(highs, p);
    const hOk = h.optimal && primalViolation(p, h.x) <= 1e-6;
    if (hOk) highsMs.push(h.ms);
    const hKey = h.optimal && !hOk ? 'optimal-but-infeasible' : h.optimal ? 'optimal' : h.status;
    hStatus[hKey] = (hStatus[hKey] ?? 0) + 1;
    if (!hOk) highsFailures++;
    if (hOk && res.status === 'optimal') {
      const fh = objectiveAt(p, h.x);
      const diff = res.objective - fh;
      const scale = Math.max(Math.abs(fh), 1e-12);
      maxAbsGap = Math.max(maxAbsGap, Math.abs(diff));
      maxRelGap = Math.max(maxRelGap, Math.abs(diff) / scale);
      tailorAbove = Math.max(tailorAbove, diff / scale);
      highsAbove = Math.max(highsAbove, -diff / scale);
      compared++;
    }
  }
  const sample = problems[0]!;
  const tailorRepeat = summarize(repeat);
  const highsSummary = summarize(highsMs);
  return {
    n,
    k,
    instances,
    variables: sample.problem.n,
    rows: (sample.problem.A?.nrows ?? 0) + (sample.problem.C?.nrows ?? 0),
    lots: sample.lots,
    tailor: {
      firstSolveMs: roundSummary(summarize(first)),
      repeatSolveMs: roundSummary(tailorRepeat),
      iterations: { median: summarize(iterations).median, max: Math.max(...iterations) },
      failures: tailorFailures,
      reducedAccuracy: reduced,
      statuses: tStatus,
      // Independent check of every optimal answer: max |row/bound violation| (weights) and
      // max |P x + q − Aᵀy − Cᵀz − zx|.
      maxPrimalResidual: round(maxPrimal),
      maxDualResidual: round(maxDual),
    },
    highs: { solveMs: roundSummary(highsSummary), failures: highsFailures, statuses: hStatus },
    objectiveGap: {
      compared,
      maxAbs: round(maxAbsGap),
      maxRel: round(maxRelGap),
      maxRelTailorAbove: round(tailorAbove),
      maxRelHighsAbove: round(highsAbove),
    },
    speedup: round(highsSummary.median / tailorRepeat.median),
  };
}

const pad = (s: string | number, w: number): string => String(s).padStart(w);

/** The timed instances as MPS files (`rebalance-500x20-s1.mps`: size and seed), for other solvers. */
async function writeInstances(dir: string): Promise<void> {
  const named = sizes.flatMap(([n, k]) =>
    Array.from(
      { length: instances },
      (_, s) => [`rebalance-${n}x${k}-s${s + 1}`, generateRebalance(n, k, s + 1).problem] as const,
    ),
  );
  const files = await writeMpsFiles(dir, named);
  console.log(`Wrote ${files.length} MPS files (${instances} per size) to ${dir}`);
}

async function main(): Promise<void> {
  if (mpsDir !== undefined) return writeInstances(mpsDir);
  const load0 = loadavg()[0]!;
  const results = [];
  console.log(`Tailor QP solver vs npm highs — ${instances} instances per size\n`);
  const header =
    `${pad('n', 4)} ${pad('k', 3)} ${pad('vars', 5)} ${pad('rows', 4)} | ` +
    `${pad('tailor med', 10)} ${pad('p95', 7)} ${pad('first med', 9)} ${pad('fail', 4)} ${pad('it', 3)} | ` +
    `${pad('highs med', 9)} ${pad('p95', 7)} ${pad('fail', 4)} | ${pad('max gap', 8)} ${pad('T>H', 8)} ${pad('highs/tailor', 12)}`;
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const [n, k] of sizes) {
    const r = await benchSize(n, k);
    results.push(r);
    const t = r.tailor;
    console.log(
      `${pad(n, 4)} ${pad(k, 3)} ${pad(r.variables, 5)} ${pad(r.rows, 4)} | ` +
        `${pad(t.repeatSolveMs.median.toFixed(3), 10)} ${pad(t.repeatSolveMs.p95.toFixed(2), 7)} ` +
        `${pad(t.firstSolveMs.median.toFixed(2), 9)} ${pad(t.failures, 4)} ${pad(t.iterations.median, 3)} | ` +
        `${pad(r.highs.solveMs.median.toFixed(2), 9)} ${pad(r.highs.solveMs.p95.toFixed(1), 7)} ${pad(r.highs.failures, 4)} | ` +
        `${pad(r.objectiveGap.compared ? r.objectiveGap.maxRel.toExponential(1) : 'n/a', 8)} ` +
        `${pad(r.objectiveGap.compared ? r.objectiveGap.maxRelTailorAbove.toExponential(1) : 'n/a', 8)} ` +
        `${pad(Number.isFinite(r.speedup) ? `${r.speedup.toFixed(1)}x` : 'n/a', 12)}`,
    );
  }
  console.log(
    '\nTimes in ms (median / p95). "tailor" = repeated-pattern solve; "first" includes symbolic',
  );
  console.log(
    'analysis. "max gap" = max relative objective difference where both solvers are optimal;',
  );
  console.log('"T>H" = max relative amount by which Tailor\'s objective is above HiGHS\'s.');
  const out = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    loadAverage: { start: round(load0), end: round(loadavg()[0]!) },
    instancesPerSize: instances,
    results,
  };
  const file = join(dirname(fileURLToPath(import.meta.url)), 'results', 'solver.json');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`\nWrote ${file}`);
}

await main();
