/** Distributed runs over BullMQ on Redis: the coordinator's executor and the worker. */
export { jobId, QUEUE_NAME, redisClient } from './connection.js';
export { distributedExecutor, type DistributedExecutor } from './distributed-executor.js';
export { emptyQueue } from './empty-queue.js';
export { startQueueWorker, type QueueWorkerOptions } from './queue-worker.js';
