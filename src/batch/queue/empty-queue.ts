/** Empties the households queue: every job, waiting, active or finished, is removed. */
import { Queue } from 'bullmq';
import { QUEUE_NAME, redisClient } from './connection.js';

/**
 * Removes every job of the queue at `url` (for benchmarks and tests that start from nothing).
 * Closes its own connection: BullMQ leaves open a connection it is given.
 */
export async function emptyQueue(url: string): Promise<void> {
  const client = redisClient(url);
  const queue = new Queue(QUEUE_NAME, { connection: client });
  try {
    await queue.obliterate({ force: true });
  } finally {
    await queue.close();
    await client.quit();
  }
}
