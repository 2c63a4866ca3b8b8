/**
 * How hot a function must run before V8 optimises it, for processes that rebalance many
 * households.
 *
 * V8 counts, per function, the bytecode it executes (the "interrupt budget", 67,584 in
 * Node 20). When the budget runs out the function is marked for its optimising compiler, which
 * runs on background threads. A run keeps re-spending that budget: the engine's callbacks are
 * closures made anew for each household, and the optimised code of closures that are gone is
 * dropped at the next full collection, so lukewarm code is compiled again and again. On the
 * 20,000-account book those background threads took 30-34 s of CPU (a fifth of the run's).
 * From the second thousand households on, compiling still took 2.9 s per thousand households
 * (791 compile jobs) against about 8 s of engine work.
 *
 * With 16 times the budget, the code that matters is still optimised; what is lukewarm is no
 * longer compiled over and over. The 20,000-account book, `cores` mode, two rounds of three
 * runs on the same machine (without; this function; the flag on node's command line):
 * background CPU 30.2-30.3 s -> 19.3-19.5 s (20.4-21.1 s); the whole process 141.0-144.5 s ->
 * 123.9-129.0 s (128.6-129.4 s) of CPU; the run 72.8-74.8 s -> 64.1-66.9 s (66.5-66.9 s). Set
 * here at run time it does what the command-line flag does.
 *
 * The budget only delays the recompiling of callbacks hot enough to spend it anyway. Those are
 * written as plain loops in the engine's per-household code (docs/architecture.md, "Hot loops
 * are plain loops"): a loop belongs to a function made once, whose optimised code stays.
 */
import { setFlagsFromString } from 'node:v8';

/** The interrupt budget for batch processes: 16 times Node 20's default of 67,584. */
const INTERRUPT_BUDGET = 16 * 67_584;

let raised = false;

/**
 * Raises V8's interrupt budget for this whole process (its worker threads too: V8 flags are
 * per process). Idempotent. Called by `runBook` and `startQueueWorker`; it changes only when
 * code gets optimised, never what it computes.
 */
export function raiseCompilerBudget(): void {
  if (raised) return;
  raised = true;
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
