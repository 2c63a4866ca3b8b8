/** Worker-thread side of the pool: runs household tasks posted by the main thread. */
import { parentPort } from 'node:worker_threads';
import { runHouseholdTask, type HouseholdTask } from './household-task.js';

parentPort?.on('message', (msg: { id: number; task: HouseholdTask }) => {
  parentPort?.postMessage({ id: msg.id, outcome: runHouseholdTask(msg.task) });
});
