/**
 * `tailor worker`: takes households off the queue and rebalances them. CPU-bound, so one job
 * at a time per process; start one process per core, on as many machines as you like.
 */
import { Worker } from 'bullmq';
import { raiseCompilerBudget } from '../compiler-budget.js';
import { runHouseholdTask, type HouseholdTask } from '../household-task.js';
import { QUEUE_NAME, redisClient } from './connection.js';

export interface QueueWorkerOptions {
  /**
   * How long a job stays locked to a worker that stops answering (ms); a killed worker's job
   * goes to another worker after about this long. Default 30 s.
   */
  lockMs?: number;
  onDone?: (householdId: string, ms: number) => void;
}

/** Starts a worker; `close()` finishes the current job and stops. */
export function startQueueWorker(url: string, options: QueueWorkerOptions = {}): Worker {
  raiseCompilerBudget();
  const lockDuration = options.lockMs ?? 30_000;
  const connection = redisClient(url);
  const worker = new Worker(
    QUEUE_NAME,
    async (job) => {
      const outcome = runHouseholdTask(job.data as HouseholdTask);
      options.onDone?.(outcome.householdId, outcome.ms);
      return outcome;
    },
    {
      connection,
      concurrency: 1,
      lockDuration,
      stalledInterval: Math.max(1000, Math.floor(lockDuration / 2)),
      maxStalledCount: 2,
    },
  );
  // BullMQ leaves open a connection it was given: without this, `tailor worker` printed that it
  // had stopped and then never exited.
  worker.once('closed', () => {
    connection.quit().catch(() => connection.disconnect());
  });
  return worker;
}
