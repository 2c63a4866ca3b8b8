/**
 * A pool of worker threads running household tasks, each thread working through its own short
 * queue. A thread that dies (out of memory, a native crash) is replaced and its tasks retried
 * once; a second death answers a task as `failed`, so a run always finishes.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { HouseholdOutcome, HouseholdTask } from './household-task.js';

const WORKER_URL = new URL(
  import.meta.url.endsWith('.ts') ? './thread-worker.ts' : './thread-worker.js',
  import.meta.url,
);

/**
 * Workers start through a small bootstrap: from TypeScript sources (tsx, tests) the thread
 * registers tsx itself — module hooks are per thread — and from the built package it imports
 * the JavaScript directly. (An eval'd bootstrap is a CommonJS script, hence the async wrapper.)
 */
function bootstrap(): string {
  const ts = WORKER_URL.href.endsWith('.ts');
  const tsx = ts ? import.meta.resolve('tsx/esm/api') : '';
  return `(async () => {
    ${ts ? `(await import(${JSON.stringify(tsx)})).register();` : ''}
    await import(${JSON.stringify(WORKER_URL.href)});
  })().catch((error) => { console.error(error); process.exit(70); });`;
}

interface Pending {
  task: HouseholdTask;
  resolve: (o: HouseholdOutcome) => void;
  tries: number;
}

/** Number of threads to use by default: one per core. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Tasks posted ahead to each thread: a thread works through its port's queue without waiting
 * for the main thread to hand it the next household. The main thread is often busy for a few
 * hundred milliseconds at a time (the embedded store runs on it: a chunk of requests, a batch
 * of proposals), and cannot post while it is; with 8 ahead, a thread ran dry in those stretches
 * and a run of the 2,000-account demo book with one thread took as long as with none (26.6 s).
 * With 64 ahead, posted evenly: one thread 20.0 s, two 15.1–16.6 s (from 21.0–21.5 s). A run
 * keeps at most one chunk per thread queued (run-book.ts), so this moves tasks, it does not add
 * any.
 */
const AHEAD = 64;

/**
 * Young generation of each thread, in MB (V8 splits it into two semi-spaces and a large-object
 * space of a third each: 96 gives the 32 MB semi-spaces of `--max-semi-space-size=32`, against
 * 16 by default). A direct-index household allocates about 6.6 MB, most of it short-lived (its
 * parsed request, the solver's workspace), but what it still holds when a young collection
 * comes is copied: with twice the room, half the collections, and each copies about what one
 * did.
 */
const YOUNG_GENERATION_MB = 96;

export class ThreadPool {
  private readonly workers: Worker[] = [];
  private readonly posted = new Map<Worker, Map<number, Pending>>();
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;

  constructor(readonly size: number = defaultThreads()) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  private spawn(): void {
    const w = new Worker(bootstrap(), {
      eval: true,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    this.workers.push(w);
    this.posted.set(w, new Map());
    w.on('message', (msg: { id: number; outcome: HouseholdOutcome }) => {
      const mine = this.posted.get(w);
      const p = mine?.get(msg.id);
      if (!mine || !p) return;
      mine.delete(msg.id);
      p.resolve(msg.outcome);
      this.pump();
    });
    w.on('error', () => this.lost(w));
    w.on('exit', () => this.lost(w));
  }

  /** A thread died: its tasks go back to the queue (or fail, on their second death). */
  private lost(w: Worker): void {
    const mine = this.posted.get(w);
    if (!mine) return;
    this.posted.delete(w);
    this.workers.splice(this.workers.indexOf(w), 1);
    if (this.closed) return;
    for (const p of [...mine.values()].reverse()) {
      if (p.tries < 2) this.queue.unshift(p);
      else
        p.resolve({
          householdId: p.task.householdId,
          inputHash: p.task.inputHash,
          kind: 'failed',
          reason: 'the worker thread died twice while rebalancing this household',
          ms: 0,
        });
    }
    this.spawn();
    this.pump();
  }

  /** Posts queued tasks, each to the thread with the fewest posted (the threads stay even). */
  private pump(): void {
    while (this.queue.length > 0) {
      let target: Worker | undefined;
      let fewest = AHEAD;
      for (const w of this.workers) {
        const n = this.posted.get(w)!.size;
        if (n < fewest) {
          fewest = n;
          target = w;
        }
      }
      if (target === undefined) return;
      const p = this.queue.shift()!;
      p.tries++;
      const id = this.nextId++;
      this.posted.get(target)!.set(id, p);
      target.postMessage({ id, task: p.task });
    }
  }

  /** Runs a task on the next free thread. */
  run(task: HouseholdTask): Promise<HouseholdOutcome> {
    if (this.closed) throw new Error('ThreadPool.run after close');
    return new Promise((resolve) => {
      this.queue.push({ task, resolve, tries: 0 });
      this.pump();
    });
  }

  /** Tasks posted to each thread and not yet answered, in thread order. */
  get postedPerThread(): number[] {
    return this.workers.map((w) => this.posted.get(w)!.size);
  }

  /** Tasks waiting or running. */
  get load(): number {
    let n = this.queue.length;
    for (const m of this.posted.values()) n += m.size;
    return n;
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.workers];
    this.workers.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }
}
