/**
 * Runs over many households: selection and triggers, data-integrity gating, a worker-thread
 * pool in this process, and a BullMQ queue spreading a run over machines.
 */
export { addToTally, emptyTally, type BookTally } from './book-tally.js';
export { raiseCompilerBudget } from './compiler-budget.js';
export { keepRunTally, tallyRunProposals } from './run-tally.js';
export { runHouseholdTask, type HouseholdOutcome, type HouseholdTask } from './household-task.js';
export {
  latestPriceDate,
  proposalOf,
  runBook,
  type RunOptions,
  type RunProgress,
  type RunReport,
} from './run-book.js';
export {
  DEFAULT_DRIFT_THRESHOLD,
  modelsContaining,
  selectHouseholds,
  type Selection,
  type Trigger,
} from './selection.js';
export { checkSelection, type SelectionProblem } from './selection-check.js';
export { defaultThreads, ThreadPool } from './thread-pool.js';
