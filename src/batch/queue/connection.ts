/** Redis connection options from a `redis://` / `rediss://` URL, and the queue's name. */
import { Redis } from 'ioredis';

/** The queue every `tailor run --distributed` and `tailor worker` share. */
export const QUEUE_NAME = 'tailor-households';

/** Checks REDIS_URL and opens a client; errors say what a valid URL looks like. */
export function redisClient(url: string): Redis {
  let u: URL;
  try {
    u = new URL(url);
  } catch (cause) {
    throw new RangeError(`REDIS_URL "${url}" is not a URL; expected e.g. redis://127.0.0.1:6379`, {
      cause,
    });
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:')
    throw new RangeError(`REDIS_URL must start with redis:// or rediss://; got "${u.protocol}"`);
  // BullMQ workers block on Redis; retries are theirs to manage.
  return new Redis(url, { maxRetriesPerRequest: null });
}

/** A job id per (run, household): adding it again is a no-op, so resuming never duplicates. */
export function jobId(runId: string, householdId: string): string {
  // BullMQ ids may not contain ':' (encodeURIComponent escapes it).
  return `${runId}__${encodeURIComponent(householdId)}`;
}
