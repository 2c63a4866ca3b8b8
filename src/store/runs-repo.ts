/**
 * Runs and their proposals. A proposal is written exactly once per (run, household): the
 * unique index makes a second write a no-op, so a resumed run, a retried job or a worker that
 * died after writing can never duplicate one.
 */
import { randomUUID } from 'node:crypto';
import { count, eq, sql, sum } from 'drizzle-orm';
import type { RebalanceResponse } from '../domain/index.js';
import type { Db } from './open-store.js';
import { tradeCountOf } from './proposal-trades.js';
import { auditLog, proposals, runs, type ProposalStatus } from './schema/index.js';

export interface NewRun {
  asOf: string;
  selection: Record<string, unknown>;
  householdIds: readonly string[];
  startedBy: string;
}

/** Creates a run and records which households it covers (in its selection). */
export async function createRun(db: Db, run: NewRun): Promise<string> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(runs).values({
      id,
      asOf: run.asOf,
      selection: { ...run.selection, households: run.householdIds },
      status: 'running',
      startedBy: run.startedBy,
      householdsSelected: run.householdIds.length,
    });
    await tx.insert(auditLog).values({
      actor: run.startedBy,
      action: 'run.start',
      entity: 'run',
      entityId: id,
      detail: { asOf: run.asOf, selection: run.selection, households: run.householdIds.length },
    });
  });
  return id;
}

export type RunRow = typeof runs.$inferSelect;

export async function getRun(db: Db, id: string): Promise<RunRow | undefined> {
  const [row] = await db.select().from(runs).where(eq(runs.id, id));
  return row;
}

/** The run's households, in selection order. */
export function runHouseholds(run: RunRow): string[] {
  const h = run.selection.households;
  return Array.isArray(h) ? h.map(String) : [];
}

/** Households of the run that have no proposal yet (what a resumed run still has to do). */
export async function pendingHouseholds(db: Db, run: RunRow): Promise<string[]> {
  const done = await db
    .select({ h: proposals.householdId })
    .from(proposals)
    .where(eq(proposals.runId, run.id));
  const have = new Set(done.map((d) => d.h));
  return runHouseholds(run).filter((h) => !have.has(h));
}

export interface ProposalInput {
  runId: string;
  householdId: string;
  inputHash: string;
  status: Extract<ProposalStatus, 'proposed' | 'noTrade' | 'gated' | 'error'>;
  reason?: string;
  response?: RebalanceResponse;
}

/** Status of a household's proposal from the engine's answer. */
export function proposalStatus(response: RebalanceResponse): ProposalInput['status'] {
  if (response.accounts.some((a) => a.trades.length > 0)) return 'proposed';
  if (response.accounts.some((a) => a.status === 'error')) return 'error';
  return 'noTrade';
}

/**
 * Writes a proposal (its trades are in its response) once: returns false (and writes nothing)
 * when the run already has a proposal for this household.
 */
export async function writeProposal(db: Db, p: ProposalInput): Promise<boolean> {
  return (await writeProposals(db, [p]))[0]!;
}

/**
 * Writes many proposals in one statement (a run writes in batches: one round trip per batch,
 * not per household). Each is written once: a proposal the run already has for its household is
 * skipped. Returns, per input, whether it was written. A proposal's trades are its response's;
 * the trades table gets rows only when it goes into block orders (proposal-trades.ts).
 */
export async function writeProposals(db: Db, ps: readonly ProposalInput[]): Promise<boolean[]> {
  if (ps.length === 0) return [];
  const rows = ps.map((p) => ({
    id: randomUUID(),
    runId: p.runId,
    householdId: p.householdId,
    status: p.status,
    reason: p.reason ?? null,
    response: p.response ?? null,
    inputHash: p.inputHash,
    tradeCount: tradeCountOf(p.response),
  }));
  // One statement, so atomic without a transaction of its own.
  const inserted = await db
    .insert(proposals)
    .values(rows)
    .onConflictDoNothing({ target: [proposals.runId, proposals.householdId] })
    .returning({ id: proposals.id });
  const isWritten = new Set(inserted.map((r) => r.id));
  return rows.map((r) => isWritten.has(r.id));
}

export interface RunSummary {
  runId: string;
  status: RunRow['status'];
  householdsSelected: number;
  proposalsWritten: number;
  proposed: number;
  noTrade: number;
  gated: number;
  errors: number;
  trades: number;
}

/** Counts of the run's proposals by status. */
export async function runSummary(db: Db, runId: string): Promise<RunSummary> {
  const run = await getRun(db, runId);
  if (!run) throw new Error(`no run ${runId}`);
  const byStatus = await db
    .select({
      status: proposals.status,
      n: count(),
      trades: sum(proposals.tradeCount).mapWith(Number),
    })
    .from(proposals)
    .where(eq(proposals.runId, runId))
    .groupBy(proposals.status);
  const n = (s: ProposalStatus): number => byStatus.find((b) => b.status === s)?.n ?? 0;
  return {
    runId,
    status: run.status,
    householdsSelected: run.householdsSelected,
    proposalsWritten: byStatus.reduce((s, b) => s + b.n, 0),
    proposed: n('proposed'),
    noTrade: n('noTrade'),
    gated: n('gated'),
    errors: n('error'),
    trades: byStatus.reduce((s, b) => s + b.trades, 0),
  };
}

/** Marks a run finished (done or failed) and logs it. */
export async function finishRun(
  db: Db,
  runId: string,
  status: 'done' | 'failed',
  actor: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(runs).set({ status, finishedAt: new Date() }).where(eq(runs.id, runId));
    await tx
      .insert(auditLog)
      .values({ actor, action: `run.${status}`, entity: 'run', entityId: runId, detail: {} });
  });
}

/** Runs not finished (status `running`), newest first: candidates for `tailor run --resume`. */
export async function unfinishedRuns(db: Db): Promise<RunRow[]> {
  return db
    .select()
    .from(runs)
    .where(eq(runs.status, 'running'))
    .orderBy(sql`${runs.startedAt} desc`);
}
