/**
 * `--write-mps DIR` of the solver and rebalance benchmarks: the instances they time, as MPS files
 * another solver can read, so it can be timed on exactly the same problems.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { QpProblem } from '../../src/solver/index.js';
import { highsInstance, mpsOf } from './highs-adapter.js';

/** Writes each `[name, problem]` to `dir/name.mps`; answers the paths written. */
export async function writeMpsFiles(
  dir: string,
  problems: Iterable<readonly [string, QpProblem]>,
): Promise<string[]> {
  const highs = await highsInstance();
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, problem] of problems) {
    const file = join(dir, `${name}.mps`);
    writeFileSync(file, mpsOf(highs, problem));
    written.push(file);
  }
  return written;
}
