/**
 * One household's work, the same wherever it runs (this thread, a worker thread, a queue
 * worker on another machine): validate the request at the edge (a store can hold settings or
 * models that no longer validate), rebalance, and answer with a value — never a throw for bad
 * data, so one household can never stop the book.
 */
import type { RebalanceRequest, RebalanceResponse } from '../domain/index.js';
import { formatProblems } from '../domain/index.js';
import { parseRebalanceRequest } from '../io/index.js';
import { rebalance } from '../rebalance/index.js';

/**
 * One household to rebalance: its request as an object, or as JSON text. A worker thread is sent
 * the text: a string crosses to another thread as one copy, where an object is cloned field by
 * field (for the 2,000-account demo book, 0.2–0.35 s of the coordinator's time that the text,
 * already written for the request's hash, does not cost).
 */
export type HouseholdTask = {
  householdId: string;
  inputHash: string;
  /** Price each customization by re-solving without it (see RebalanceOptions); default off. */
  customizationCosts?: boolean;
} & ({ request: RebalanceRequest; requestJson?: never } | { requestJson: string; request?: never });

/** The task's request as parsed JSON (unknown until validated), or why the text is not JSON. */
function requestInput(
  task: HouseholdTask,
): { ok: true; value: unknown } | { ok: false; why: string } {
  if (task.requestJson === undefined) return { ok: true, value: task.request };
  try {
    return { ok: true, value: JSON.parse(task.requestJson) as unknown };
  } catch (error) {
    return { ok: false, why: `the request is not valid JSON: ${(error as Error).message}` };
  }
}

export type HouseholdOutcome =
  | {
      householdId: string;
      inputHash: string;
      kind: 'response';
      response: RebalanceResponse;
      ms: number;
    }
  | { householdId: string; inputHash: string; kind: 'invalid'; reason: string; ms: number }
  | { householdId: string; inputHash: string; kind: 'failed'; reason: string; ms: number };

/** Runs one household. A thrown error inside the engine (a bug) becomes `failed` with its message. */
export function runHouseholdTask(task: HouseholdTask): HouseholdOutcome {
  const t0 = performance.now();
  const { householdId, inputHash } = task;
  const input = requestInput(task);
  if (!input.ok) {
    return {
      householdId,
      inputHash,
      kind: 'invalid',
      reason: input.why,
      ms: performance.now() - t0,
    };
  }
  const parsed = parseRebalanceRequest(input.value);
  if (!parsed.ok) {
    return {
      householdId,
      inputHash,
      kind: 'invalid',
      reason: `the stored data does not form a valid request:\n${formatProblems(parsed.problems)}`,
      ms: performance.now() - t0,
    };
  }
  try {
    const response = rebalance(parsed.value, {
      customizationCosts: task.customizationCosts ?? false,
    });
    return { householdId, inputHash, kind: 'response', response, ms: performance.now() - t0 };
  } catch (error) {
    return {
      householdId,
      inputHash,
      kind: 'failed',
      reason: `internal error in the engine: ${(error as Error).message}`,
      ms: performance.now() - t0,
    };
  }
}
