/**
 * A pool of worker threads running household tasks, one task per thread at a time. A thread
 * that dies (out of memory, a native crash) is replaced and its task retried once; a second
 * death answers the task as `failed`, so a run always finishes.
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

export class ThreadPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, { id: number; pending: Pending }>();
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;

  constructor(readonly size: number = defaultThreads()) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  private spawn(): Worker {
    const w = new Worker(bootstrap(), { eval: true });
    w.on('message', (msg: { id: number; outcome: HouseholdOutcome }) => {
      const job = this.busy.get(w);
      if (!job || job.id !== msg.id) return;
      this.busy.delete(w);
      job.pending.resolve(msg.outcome);
      this.idle.push(w);
      this.pump();
    });
    w.on('error', () => this.lost(w));
    w.on('exit', () => this.lost(w));
    return w;
  }

  private lost(w: Worker): void {
    const job = this.busy.get(w);
    this.busy.delete(w);
    const i = this.idle.indexOf(w);
    if (i >= 0) this.idle.splice(i, 1);
    if (this.closed) return;
    if (job) {
      const p = job.pending;
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
    this.idle.push(this.spawn());
    this.pump();
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.pop()!;
      const p = this.queue.shift()!;
      p.tries++;
      const id = this.nextId++;
      this.busy.set(w, { id, pending: p });
      w.postMessage({ id, task: p.task });
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

  /** Tasks waiting or running. */
  get load(): number {
    return this.queue.length + this.busy.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }
}
