/**
 * The coordinator's side of a distributed run: each household becomes a BullMQ job (id per run
 * and household), `tailor worker` processes on any machine run them, and the outcomes come
 * back here, where the run writes them to the store exactly once.
 *
 * Nothing is lost: a worker killed mid-job leaves a stalled job that BullMQ hands to another
 * worker once its lock expires; a coordinator that dies leaves the run unfinished, and
 * `tailor run --resume` re-adds only the households without a proposal — jobs already done are
 * found by id and their results collected, not re-run.
 */
import { Job, Queue, QueueEvents } from 'bullmq';
import type { HouseholdOutcome, HouseholdTask } from '../household-task.js';
import { jobId, QUEUE_NAME, redisClient } from './connection.js';

export interface DistributedExecutor {
  execute(tasks: HouseholdTask[], runId: string): AsyncIterable<HouseholdOutcome>;
  close(): Promise<void>;
}

const KEEP_SECONDS = 7 * 24 * 3600;

const failed = (t: HouseholdTask, reason: string): HouseholdOutcome => ({
  householdId: t.householdId,
  inputHash: t.inputHash,
  kind: 'failed',
  reason: `the queue gave up on this household: ${reason}`,
  ms: 0,
});

function outcomeOf(value: unknown): HouseholdOutcome | null {
  return (typeof value === 'string' ? JSON.parse(value) : value) as HouseholdOutcome | null;
}

/** Connects to Redis and returns an executor for `runBook`. */
export async function distributedExecutor(url: string): Promise<DistributedExecutor> {
  const clients = [redisClient(url), redisClient(url)] as const;
  const queue = new Queue(QUEUE_NAME, { connection: clients[0] });
  const events = new QueueEvents(QUEUE_NAME, { connection: clients[1] });
  await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
  const waiting = new Map<string, { task: HouseholdTask; settle: (o: HouseholdOutcome) => void }>();
  const settle = (id: string, o: HouseholdOutcome): void => {
    const w = waiting.get(id);
    if (!w) return;
    waiting.delete(id);
    w.settle(o);
  };
  events.on('completed', ({ jobId: id, returnvalue }) => {
    const o = outcomeOf(returnvalue);
    if (o) settle(id, o);
  });
  events.on('failed', async ({ jobId: id, failedReason }) => {
    const w = waiting.get(id);
    if (!w) return;
    // A failed attempt with attempts left goes back to the queue: only a final failure counts.
    const job = await Job.fromId(queue, id);
    if (!job || (await job.getState()) === 'failed') settle(id, failed(w.task, failedReason));
  });

  async function* execute(tasks: HouseholdTask[], runId: string): AsyncIterable<HouseholdOutcome> {
    const done: HouseholdOutcome[] = [];
    let wake: (() => void) | null = null;
    for (const task of tasks) {
      waiting.set(jobId(runId, task.householdId), {
        task,
        settle: (o) => {
          done.push(o);
          wake?.();
        },
      });
    }
    const jobs = await queue.addBulk(
      tasks.map((task) => ({
        name: 'rebalance',
        data: task,
        opts: {
          jobId: jobId(runId, task.householdId),
          attempts: 3,
          backoff: { type: 'fixed', delay: 1000 },
          removeOnComplete: { age: KEEP_SECONDS },
          removeOnFail: { age: KEEP_SECONDS },
        },
      })),
    );
    // Jobs that finished before we listened (a resumed run): collect their results now. The
    // state is read before the job: a worker finishing in between would otherwise leave a
    // 'completed' state with the return value of the earlier read (null).
    for (const job of jobs) {
      const id = job.id!;
      const state = await queue.getJobState(id);
      if (state !== 'completed' && state !== 'failed') continue;
      const fresh = await Job.fromId(queue, id);
      if (!fresh) continue;
      const outcome = outcomeOf(fresh.returnvalue);
      if (state === 'completed' && outcome) settle(id, outcome);
      else if (state === 'failed')
        settle(id, failed(waiting.get(id)?.task ?? tasks[0]!, fresh.failedReason || 'failed'));
    }
    for (let n = 0; n < tasks.length; n++) {
      while (done.length === 0) await new Promise<void>((r) => (wake = r));
      wake = null;
      yield done.shift()!;
    }
  }

  return {
    execute,
    close: async () => {
      await events.close();
      await queue.close();
      // Clients passed in are ours to close.
      await Promise.all(clients.map((c) => c.quit()));
    },
  };
}
