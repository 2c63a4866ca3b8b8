import { afterEach, describe, expect, it } from 'vitest';
import type { RebalanceRequest } from '../domain/index.js';
import type { HouseholdTask } from './household-task.js';
import { ThreadPool } from './thread-pool.js';

// Requests that fail validation: each thread answers at once, without the engine. Odd ones
// travel as JSON text, as a run sends them.
const invalid = { asOf: 'not a date' } as unknown as RebalanceRequest;
const task = (i: number): HouseholdTask =>
  i % 2 === 0
    ? { householdId: `H${i}`, inputHash: `h${i}`, request: invalid }
    : { householdId: `H${i}`, inputHash: `h${i}`, requestJson: JSON.stringify(invalid) };

describe('ThreadPool', () => {
  let pool: ThreadPool | undefined;
  afterEach(async () => pool?.close());

  it('spreads posted tasks evenly over its threads and answers every one', async () => {
    pool = new ThreadPool(2);
    const answers = Array.from({ length: 11 }, (_, i) => pool!.run(task(i)));
    // Posted at once (no thread has answered yet): one thread must not take them all.
    expect(pool.postedPerThread).toEqual([6, 5]);
    const outcomes = await Promise.all(answers);
    expect(outcomes.map((o) => [o.householdId, o.kind])).toEqual(
      Array.from({ length: 11 }, (_, i) => [`H${i}`, 'invalid']),
    );
    expect(pool.postedPerThread).toEqual([0, 0]);
  });
});
