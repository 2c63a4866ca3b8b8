import type { IpmState } from '../ipm-state.js';
import type { ScaledProblem } from '../scaled-problem.js';
import type { VectorArena } from './vector-arena.js';

/**
 * The arena whose SIMD kernels run on `sp` and `st`: only when it was bound to these two
 * (VectorArena.bind); a problem or state built without it, as some tests do, runs the
 * TypeScript kernels alone.
 */
export function sharedKernels(sp: ScaledProblem, st: IpmState): VectorArena | null {
  const arena = sp.arena;
  return arena !== null && arena.runs(sp, st) ? arena : null;
}
