/**
 * Warm-start benchmark: rebalance-shaped QPs (bench/solver/rebalance-instance.ts) re-solved
 * after a change, cold and warm-started from the optimum before the change, in the same run.
 * The changes are the kinds the rebalance makes between passes:
 *
 *   blocked buys   5% of the buy variables get upper bound 0 (a wash-sale decision)
 *   aversion ×1.5  the risk terms of P and q scaled by 1.5 (a tracking-error search step)
 *   unchanged      the same problem again (the floor of what a warm start can do)
 *
 *   npm run bench:warm                      # 20 instances per case
 *   BENCH_INSTANCES=50 npm run bench:warm
 *
 * Prints mean iterations and median ms, cold and warm, and the ratio cold / warm. Writes
 * bench/results/warm-start.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createQpSolver, type QpProblem } from '../src/solver/index.js';
import { generateRebalance, type RebalanceInstance } from './solver/rebalance-instance.js';
import { round, summarize } from './solver/stats.js';

const instances = Number(process.env.BENCH_INSTANCES ?? 20);

/** Variables: lots first, then n buys, n weights, k factors and cash (rebalance-instance.ts). */
type Change = (inst: RebalanceInstance, seed: number) => QpProblem;

const blockBuys: Change = ({ problem: p, n, lots: first }, seed) => {
  const ub = Float64Array.from(p.ub!);
  for (let i = 0; i < n; i++) if ((i * 7 + seed) % 20 === 0) ub[first + i] = 0;
  return { ...p, ub };
};

const moreAversion: Change = ({ problem: p, n, lots }) => {
  const weights = lots + n;
  const P = { ...p.P!, values: Float64Array.from(p.P!.values, (v) => 1.5 * v) };
  const q = Float64Array.from(p.q, (v, j) => (j >= weights && j < weights + n ? 1.5 * v : v));
  return { ...p, P, q };
};

const unchanged: Change = ({ problem }) => problem;

const CASES: [string, number, number, Change][] = [
  ['blocked buys', 500, 20, blockBuys],
  ['blocked buys', 20, 10, blockBuys],
  ['aversion x1.5', 100, 20, moreAversion],
  ['aversion x1.5', 500, 20, moreAversion],
  ['unchanged', 500, 20, unchanged],
];

function runCase(name: string, n: number, k: number, change: Change) {
  const coldMs: number[] = [];
  const warmMs: number[] = [];
  let coldIterations = 0;
  let warmIterations = 0;
  let failures = 0;
  for (let seed = 1; seed <= instances; seed++) {
    const inst = generateRebalance(n, k, seed);
    const solver = createQpSolver(inst.problem);
    const before = solver.solve(inst.problem);
    const moved = change(inst, seed);
    // One untimed pass of each, so both are measured warm in the JIT sense.
    solver.solve(moved);
    solver.solve(moved, undefined, before);
    let t0 = performance.now();
    const cold = solver.solve(moved);
    coldMs.push(performance.now() - t0);
    t0 = performance.now();
    const warm = solver.solve(moved, undefined, before);
    warmMs.push(performance.now() - t0);
    coldIterations += cold.iterations;
    warmIterations += warm.iterations;
    if (warm.status !== cold.status) failures++;
  }
  const cold = summarize(coldMs);
  const warm = summarize(warmMs);
  return {
    change: name,
    n,
    k,
    instances,
    iterations: {
      cold: round(coldIterations / instances),
      warm: round(warmIterations / instances),
    },
    medianMs: { cold: round(cold.median), warm: round(warm.median) },
    speedup: round(cold.median / warm.median),
    statusMismatches: failures,
  };
}

const load0 = loadavg()[0]!;
const results = CASES.map(([name, n, k, change]) => {
  const r = runCase(name, n, k, change);
  process.stdout.write(
    `${name.padEnd(14)} ${`${n}x${k}`.padStart(6)} | iterations cold ${r.iterations.cold
      .toFixed(1)
      .padStart(
        5,
      )} warm ${r.iterations.warm.toFixed(1).padStart(5)} | median ms cold ${r.medianMs.cold
      .toFixed(2)
      .padStart(
        6,
      )} warm ${r.medianMs.warm.toFixed(2).padStart(6)} | cold/warm ${r.speedup.toFixed(2)}x` +
      `${r.statusMismatches ? ` | ${r.statusMismatches} status mismatches` : ''}\n`,
  );
  return r;
});
const out = {
  generatedAt: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  loadAverage: { start: round(load0), end: round(loadavg()[0]!) },
  results,
};
const file = join(dirname(fileURLToPath(import.meta.url)), 'results', 'warm-start.json');
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
process.stdout.write(`\nWrote ${file}\n`);
