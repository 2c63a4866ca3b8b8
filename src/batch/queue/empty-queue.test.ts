/**
 * emptyQueue against real Redis, in a database of its own (9): no other test's worker listens
 * there.
 */
import { Queue } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { testRedisUrl } from './testing/test-redis.js';
import { QUEUE_NAME, redisClient } from './connection.js';
import { emptyQueue } from './empty-queue.js';

const REDIS = testRedisUrl(9);

describe('emptyQueue', () => {
  it('removes waiting and delayed jobs, and leaves an empty queue as it is', async () => {
    const client = redisClient(REDIS);
    const queue = new Queue(QUEUE_NAME, { connection: client });
    try {
      await queue.add('household', { n: 1 });
      await queue.add('household', { n: 2 }, { delay: 60_000 });
      expect((await queue.getJobCounts('waiting', 'delayed')).waiting).toBe(1);
      await emptyQueue(REDIS);
      expect(await queue.getJobCounts('waiting', 'delayed')).toEqual({ waiting: 0, delayed: 0 });
      await emptyQueue(REDIS);
      expect(await queue.count()).toBe(0);
    } finally {
      await queue.close();
      await client.quit();
    }
  });
});
