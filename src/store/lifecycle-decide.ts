/**
 * Recording one decision on a proposal — its `approvals` row, its audit row and its new status
 * in one transaction — and the refusals every decision shares.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from './open-store.js';
import {
  approvals,
  auditLog,
  households,
  proposals,
  runs,
  type ProposalStatus,
} from './schema/index.js';

/** Why a decision was refused. */
export type DecisionRefusal = 'notFound' | 'notProposed' | 'stale' | 'busy' | 'noNote';

/** The outcome of one decision: done (who, when, note), or refused with what to do. */
export type DecisionResult =
  | {
      ok: true;
      proposalId: string;
      householdId: string;
      status: 'approved' | 'rejected';
      decidedBy: string;
      decidedAt: Date;
      note: string;
    }
  | { ok: false; proposalId: string; code: DecisionRefusal; why: string };

/** A proposal about to be decided, with its run's date. */
export interface Target {
  id: string;
  runId: string;
  householdId: string;
  status: ProposalStatus;
  inputHash: string;
  runAsOf: string;
}

/** A refusal as a value. */
export const refuse = (proposalId: string, code: DecisionRefusal, why: string): DecisionResult => ({
  ok: false,
  proposalId,
  code,
  why,
});

/** The refusal for a proposal no longer `proposed`, saying what its status means. */
export function notProposed(id: string, status: ProposalStatus): DecisionResult {
  const hint: Partial<Record<ProposalStatus, string>> = {
    approved: 'it has already been approved',
    rejected: 'it has already been rejected',
    ordered: 'it is already on the market (in a block order)',
    filled: 'it has already been filled',
    cancelled: 'its orders were cancelled; re-run the household for a new proposal',
    gated: 'its household failed the data checks, so it has no trades; fix the data and re-run',
    error: 'the engine could not rebalance the household; see its reason and re-run',
    noTrade: 'it has no trades',
  };
  return refuse(
    id,
    'notProposed',
    `proposal ${id} is ${status}, and only a proposed proposal can be approved or rejected: ${hint[status] ?? status}`,
  );
}

/** The refusal for an unknown proposal id. */
export const notFound = (id: string): DecisionResult =>
  refuse(id, 'notFound', `no proposal ${id}; list them with tailor proposals`);

/** The proposals with these ids (unknown ids are absent), with their run's date. */
export async function targets(db: Db, ids: readonly string[]): Promise<Map<string, Target>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: proposals.id,
      runId: proposals.runId,
      householdId: proposals.householdId,
      status: proposals.status,
      inputHash: proposals.inputHash,
      runAsOf: runs.asOf,
    })
    .from(proposals)
    .innerJoin(runs, eq(runs.id, proposals.runId))
    .where(inArray(proposals.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Records the decision if the proposal is still `proposed`, in one transaction. An approval
 * also needs the household to have no other approved or ordered proposal: two live proposals
 * (from two runs) would trade the same household twice. The household row is locked so that
 * two approvals for one household cannot both pass that check.
 */
export async function decide(
  db: Db,
  t: Target,
  decision: 'approved' | 'rejected',
  actor: string,
  note: string,
): Promise<DecisionResult> {
  return db.transaction(async (tx) => {
    if (decision === 'approved') {
      await tx
        .select({ id: households.id })
        .from(households)
        .where(eq(households.id, t.householdId))
        .for('update');
      const live = await tx
        .select({ id: proposals.id, status: proposals.status })
        .from(proposals)
        .where(
          and(
            eq(proposals.householdId, t.householdId),
            inArray(proposals.status, ['approved', 'ordered']),
            ne(proposals.id, t.id),
          ),
        );
      if (live.length > 0)
        return refuse(
          t.id,
          'busy',
          `household ${t.householdId} already has ${live.map((l) => `${l.status} proposal ${l.id}`).join(', ')}; ` +
            'only one proposal per household can be live: wait until its orders are filled or cancelled, then re-run',
        );
    }
    const done = await tx
      .update(proposals)
      .set({ status: decision })
      .where(and(eq(proposals.id, t.id), eq(proposals.status, 'proposed')))
      .returning({ id: proposals.id });
    if (done.length === 0) {
      const [now] = await tx
        .select({ status: proposals.status })
        .from(proposals)
        .where(eq(proposals.id, t.id));
      return notProposed(t.id, now?.status ?? t.status);
    }
    const decidedAt = new Date();
    await tx
      .insert(approvals)
      .values({ proposalId: t.id, decision, decidedBy: actor, decidedAt, note });
    await tx.insert(auditLog).values({
      actor,
      at: decidedAt,
      action: decision === 'approved' ? 'proposal.approve' : 'proposal.reject',
      entity: 'proposal',
      entityId: t.id,
      detail: { runId: t.runId, householdId: t.householdId, inputHash: t.inputHash, note },
    });
    return {
      ok: true,
      proposalId: t.id,
      householdId: t.householdId,
      status: decision,
      decidedBy: actor,
      decidedAt,
      note,
    };
  });
}
