/**
 * The decision on a proposal: `proposed` → `approved` | `rejected`, who decided, when and why,
 * with an `approvals` row and an audit-log row each (lifecycle-decide.ts). An approval first
 * checks that the household's inputs are unchanged since the proposal was made
 * (lifecycle-staleness.ts); a stale proposal is refused with the advice to re-run.
 */
import {
  decide,
  notFound,
  notProposed,
  refuse,
  targets,
  type DecisionResult,
} from './lifecycle-decide.js';
import { currentInputs, newerPrices, stalenessOf } from './lifecycle-staleness.js';
import type { Db } from './open-store.js';

export type { DecisionRefusal, DecisionResult } from './lifecycle-decide.js';

/**
 * Approves proposals, each on its own: a proposal is approved only if it is `proposed`, its
 * household's inputs are unchanged since it was made, and the household has no other live
 * (approved or ordered) proposal. Reports per proposal, in input order.
 */
export async function approveMany(
  db: Db,
  proposalIds: readonly string[],
  actor: string,
  note = '',
): Promise<DecisionResult[]> {
  const found = await targets(db, proposalIds);
  // One rebuild per run date for all its households (a batch approval reads in bulk).
  const byRunDate = new Map<string, string[]>();
  for (const t of found.values())
    if (t.status === 'proposed')
      byRunDate.set(t.runAsOf, [...(byRunDate.get(t.runAsOf) ?? []), t.householdId]);
  const current = new Map<string, Awaited<ReturnType<typeof currentInputs>>>();
  const newer = new Map<string, Map<string, string>>();
  for (const [runAsOf, households] of byRunDate) {
    const inputs = await currentInputs(db, runAsOf, households);
    current.set(runAsOf, inputs);
    const securities = [...inputs.values()].flatMap((i) =>
      i.status === 'ready' ? i.securities : [],
    );
    newer.set(runAsOf, await newerPrices(db, runAsOf, securities));
  }
  const results: DecisionResult[] = [];
  for (const id of proposalIds) {
    const t = found.get(id);
    if (!t) results.push(notFound(id));
    else if (t.status !== 'proposed') results.push(notProposed(id, t.status));
    else {
      const now = current.get(t.runAsOf)?.get(t.householdId);
      const stale = stalenessOf(now, t, newer.get(t.runAsOf) ?? new Map());
      results.push(
        stale ? refuse(id, 'stale', stale) : await decide(db, t, 'approved', actor, note),
      );
    }
  }
  return results;
}

/** Approves one proposal (see {@link approveMany}). */
export async function approve(
  db: Db,
  proposalId: string,
  actor: string,
  note = '',
): Promise<DecisionResult> {
  return (await approveMany(db, [proposalId], actor, note))[0]!;
}

/** Rejects a proposal; a rejection needs a note saying why. */
export async function reject(
  db: Db,
  proposalId: string,
  actor: string,
  note: string,
): Promise<DecisionResult> {
  if (note.trim() === '')
    return refuse(proposalId, 'noNote', 'a rejection needs a note saying why (--note TEXT)');
  const t = (await targets(db, [proposalId])).get(proposalId);
  if (!t) return notFound(proposalId);
  if (t.status !== 'proposed') return notProposed(proposalId, t.status);
  return decide(db, t, 'rejected', actor, note);
}
