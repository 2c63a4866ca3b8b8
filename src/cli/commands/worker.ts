/**
 * `tailor worker`: a queue worker for distributed runs. Start one per core on any machine that
 * reaches the Redis of REDIS_URL; `tailor run --distributed` feeds them.
 */
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';

interface WorkerCliOptions {
  lockMs?: string;
  quiet?: boolean;
}

async function work(o: WorkerCliOptions): Promise<void> {
  const url = process.env.REDIS_URL;
  if (!url)
    throw new CliError('tailor worker needs REDIS_URL, e.g. REDIS_URL=redis://127.0.0.1:6379');
  const lockMs = o.lockMs === undefined ? undefined : Number(o.lockMs);
  if (lockMs !== undefined && !(Number.isInteger(lockMs) && lockMs >= 1000))
    throw new CliError(
      `--lock-ms must be a whole number of milliseconds ≥ 1000; got "${o.lockMs}"`,
      2,
    );
  const { startQueueWorker } = await import('../../batch/queue/index.js');
  let done = 0;
  const worker = startQueueWorker(url, {
    ...(lockMs !== undefined ? { lockMs } : {}),
    onDone: () => done++,
  });
  await worker.waitUntilReady();
  // The handlers go in before the line that says the worker is waiting: whoever reads that line
  // may stop it at once, and a signal without a handler would kill it outright.
  const stopped = new Promise<void>((resolve) => {
    const stop = (): void => {
      void worker.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  if (!o.quiet)
    console.error(
      `tailor worker ${process.pid}: waiting for households on ${url.replace(/\/\/[^@]*@/, '//***@')}`,
    );
  await stopped;
  if (!o.quiet) console.error(`tailor worker ${process.pid}: stopped after ${done} households`);
}

/** Adds `worker` to the program. */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .summary('process households of distributed runs (REDIS_URL)')
    .description(
      'Takes households off the Redis queue that `tailor run --distributed` fills, rebalances them and hands the proposals back. Stops cleanly on SIGINT/SIGTERM after its current household; a worker killed outright loses nothing: its household goes to another worker after the lock expires.',
    )
    .option(
      '--lock-ms <ms>',
      'how long a silent worker keeps its household before another takes it',
      '30000',
    )
    .option('--quiet', 'print nothing')
    .action(work);
}
