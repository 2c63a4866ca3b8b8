/**
 * Test helper: solves a QpProblem with npm `highs` through its LP-format entry point
 * (`highs.solve(text)`), for cross-checking objectives and statuses.
 */
import * as highsModule from 'highs';
import type { Highs } from 'highs';
import type { QpProblem } from '../types.js';
import { toLpFormat } from './highs-lp.js';

// `highs` ships CommonJS-style typings but an ESM build whose default export is the loader.
const loadHighs = (highsModule as unknown as { default: () => Promise<Highs> }).default;
let instance: Promise<Highs> | undefined;

export interface HighsOutcome {
  /** HiGHS model status text, or 'error' if HiGHS threw. */
  readonly status: string;
  readonly objective: number;
  /** HiGHS's primal values (zeros when it reports none). */
  readonly x: Float64Array;
}

export async function solveWithHighs(p: QpProblem): Promise<HighsOutcome> {
  instance ??= loadHighs();
  const highs = await instance;
  try {
    // HiGHS's QP active-set method occasionally stalls on random QPs; the time limit keeps a
    // stall from hanging the suite (a time-limited answer is simply not used as a reference).
    const r = highs.solve(toLpFormat(p), { output_flag: false, time_limit: 5 });
    const x = new Float64Array(p.n);
    const cols = r.Columns as Record<string, { Primal?: number } | undefined>;
    for (let j = 0; j < p.n; j++) x[j] = cols[`x${j}`]?.Primal ?? 0;
    return { status: r.Status, objective: r.ObjectiveValue, x };
  } catch {
    return { status: 'error', objective: NaN, x: new Float64Array(p.n) };
  }
}
