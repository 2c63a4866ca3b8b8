/**
 * A run over the book: select households, build and gate each one's request from the store,
 * rebalance the ready ones (on worker threads, or on this thread), and write one proposal per
 * household — exactly once, so a resumed run picks up where a crashed one stopped.
 */
import { sql } from 'drizzle-orm';
import {
  createRun,
  finishRun,
  getRun,
  loadHouseholdInputs,
  loadMarketSnapshot,
  pendingHouseholds,
  proposalStatus,
  rowsOf,
  runHouseholds,
  runSummary,
  writeProposals,
  type Db,
  type ProposalInput,
  type RunSummary,
} from '../store/index.js';
import { addToTally, emptyTally, type BookTally } from './book-tally.js';
import { raiseCompilerBudget } from './compiler-budget.js';
import { runHouseholdTask, type HouseholdOutcome, type HouseholdTask } from './household-task.js';
import { keepRunTally } from './run-tally.js';
import { selectHouseholds, type Selection } from './selection.js';
import { ThreadPool } from './thread-pool.js';

/** Proposals per write: one transaction and a few statements for this many households. */
const WRITE_BATCH = 32;

/**
 * Chunks a distributed run keeps on the queue: while the workers finish one, the next is loaded
 * and queued behind it, so they do not wait for the store between chunks.
 */
const QUEUED_CHUNKS = 2;

export interface RunProgress {
  done: number;
  total: number;
  gated: number;
  errors: number;
  elapsedMs: number;
}

export interface RunOptions {
  selection: Selection;
  /** Run date; default the latest price date in the store. */
  asOf?: string;
  /** Worker threads; 0 runs on this thread. */
  threads: number;
  actor: string;
  /** Resume this unfinished run instead of starting a new one. */
  resume?: string;
  onProgress?: (p: RunProgress) => void;
  /**
   * Price every customization of every account (re-solves each household once per
   * customization: two to five times the run's work). Default off.
   */
  customizationCosts?: boolean;
  /** Households loaded from the store per batch. */
  chunkSize?: number;
  /**
   * Runs the ready households of one batch; default: the thread pool or this thread. The
   * distributed runner passes its queue here.
   */
  execute?: (
    tasks: HouseholdTask[],
    runId: string,
  ) => AsyncIterable<HouseholdOutcome> | Iterable<HouseholdOutcome>;
}

export interface RunReport extends RunSummary {
  asOf: string;
  elapsedMs: number;
  householdsPerSecond: number;
  /**
   * Accounts in the proposals this call wrote: every account of each household the engine
   * answered, held-away and error accounts included (gated households count none).
   */
  accountsRebalanced: number;
  /** Book-level figures over the households this call rebalanced. */
  book: BookTally;
  /** Time the engine spent on the households, summed over threads or workers (ms). */
  engineMs: number;
}

/** The latest date with a price, or undefined for an empty store. */
export async function latestPriceDate(db: Db): Promise<string | undefined> {
  const [row] = rowsOf<{ d: string | null }>(
    await db.execute(sql`SELECT to_char(max(date), 'YYYY-MM-DD') AS d FROM prices`),
  );
  return row?.d ?? undefined;
}

/** The proposal a household's outcome becomes. */
export function proposalOf(runId: string, o: HouseholdOutcome): ProposalInput {
  const base = { runId, householdId: o.householdId, inputHash: o.inputHash };
  if (o.kind === 'response')
    return { ...base, status: proposalStatus(o.response), response: o.response };
  if (o.kind === 'invalid') return { ...base, status: 'gated', reason: o.reason };
  return { ...base, status: 'error', reason: o.reason };
}

/** Starts (or resumes) a run and carries it to the end. */
export async function runBook(db: Db, options: RunOptions): Promise<RunReport> {
  const t0 = performance.now();
  raiseCompilerBudget();
  let runId: string;
  let asOf: string;
  let todo: string[];
  if (options.resume) {
    const run = await getRun(db, options.resume);
    if (!run) throw new RangeError(`no run ${options.resume}`);
    runId = run.id;
    asOf = run.asOf;
    todo = await pendingHouseholds(db, run);
  } else {
    const latest = options.asOf ?? (await latestPriceDate(db));
    if (!latest)
      throw new RangeError('the store holds no prices: import a feed or build the demo firm first');
    asOf = latest;
    const snap = await loadMarketSnapshot(db, asOf);
    todo = await selectHouseholds(db, options.selection, snap);
    runId = await createRun(db, {
      asOf,
      selection: options.selection,
      householdIds: todo,
      startedBy: options.actor,
    });
  }
  const snap = await loadMarketSnapshot(db, asOf);
  const run = (await getRun(db, runId))!;
  const total = runHouseholds(run).length;
  const progress: RunProgress = {
    done: total - todo.length,
    total,
    gated: 0,
    errors: 0,
    elapsedMs: 0,
  };
  const resumedFrom = progress.done;
  let accountsRebalanced = 0;
  const book = emptyTally();
  let engineMs = 0;
  const pool = options.execute || options.threads <= 0 ? null : new ThreadPool(options.threads);
  // Proposals are written in batches, one batch at a time (the embedded store has a single
  // connection); the first failure (the store, or a progress callback) stops the run, which
  // stays resumable.
  let writes = Promise.resolve();
  let failure: unknown;
  let buffer: ProposalInput[] = [];
  const flush = (): void => {
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    writes = writes.then(async () => {
      if (failure !== undefined) return;
      try {
        await writeProposals(db, batch);
        progress.done += batch.length;
        progress.elapsedMs = performance.now() - t0;
        options.onProgress?.({ ...progress });
      } catch (error) {
        failure = error;
      }
    });
  };
  const record = (p: ProposalInput): void => {
    if (p.status === 'gated') progress.gated++;
    if (p.status === 'error') progress.errors++;
    accountsRebalanced += p.response?.accounts.length ?? 0;
    if (p.response) addToTally(book, p.response);
    buffer.push(p);
    if (buffer.length >= WRITE_BATCH) flush();
  };
  const settle = async (): Promise<void> => {
    flush();
    await writes;
    if (failure !== undefined) throw failure;
  };
  try {
    const size = options.chunkSize ?? 64;
    const inflight: Promise<void>[] = [];
    for (let i = 0; i < todo.length; i += size) {
      const inputs = await loadHouseholdInputs(db, snap, todo.slice(i, i + size));
      const tasks: HouseholdTask[] = [];
      for (const input of inputs) {
        if (input.status === 'gated') {
          record({
            runId,
            householdId: input.householdId,
            inputHash: input.inputHash,
            status: 'gated',
            reason: input.reasons.join('; '),
          });
        } else {
          const common = {
            householdId: input.householdId,
            inputHash: input.inputHash,
            ...(options.customizationCosts ? { customizationCosts: true } : {}),
          };
          // Worker threads get the request's JSON text (one copy across threads); the queue
          // serialises job data itself, and this thread uses the object as it is.
          tasks.push(
            pool !== null
              ? { ...common, requestJson: input.requestJson }
              : { ...common, request: input.request },
          );
        }
      }
      if (options.execute) {
        const execute = options.execute;
        inflight.push(
          (async () => {
            for await (const o of execute(tasks, runId)) {
              engineMs += o.ms;
              record(proposalOf(runId, o));
              if (failure !== undefined) break;
            }
          })().catch((error: unknown) => {
            // Kept like a store failure: the run stops at the next chunk and reports it.
            failure ??= error;
          }),
        );
        // The next chunk is loaded and queued while the workers finish this one: waiting for
        // every outcome first left them idle while the store built the next requests.
        while (inflight.length > QUEUED_CHUNKS) await inflight.shift();
      } else if (pool) {
        inflight.push(
          ...tasks.map((t) =>
            pool.run(t).then((o) => {
              engineMs += o.ms;
              record(proposalOf(runId, o));
            }),
          ),
        );
        // Keep a few batches queued ahead of the threads, no more (memory stays flat).
        while (pool.load > pool.size * size) await inflight.shift();
      } else {
        for (const t of tasks) {
          const o = runHouseholdTask(t);
          engineMs += o.ms;
          record(proposalOf(runId, o));
        }
      }
      if (failure !== undefined) break;
    }
    await Promise.all(inflight);
    await settle();
    await finishRun(db, runId, 'done', options.actor);
    // This call's tally covers the whole run only when no proposal was written before it.
    await keepRunTally(db, runId, resumedFrom === 0 ? book : null);
  } finally {
    await pool?.close();
  }
  const elapsedMs = performance.now() - t0;
  const summary = await runSummary(db, runId);
  return {
    ...summary,
    asOf,
    elapsedMs,
    householdsPerSecond: (progress.done / elapsedMs) * 1000,
    accountsRebalanced,
    book,
    engineMs,
  };
}
