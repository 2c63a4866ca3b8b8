/**
 * Runs and their proposals. A proposal is written exactly once per (run, household): the
 * unique index makes a second write a no-op, so a resumed run, a retried job or a worker that
 * died after writing can never duplicate one.
 */
import { randomUUID } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import type { RebalanceResponse } from '../domain/index.js';
import { arrayLiteral } from './array-literal.js';
import { rowsOf } from './market-snapshot.js';
import type { Db } from './open-store.js';
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
 * Writes a proposal and its trades in one transaction, once: returns false (and writes
 * nothing) when the run already has a proposal for this household.
 */
export async function writeProposal(db: Db, p: ProposalInput): Promise<boolean> {
  return (await writeProposals(db, [p]))[0]!;
}

/**
 * Writes many proposals and their trades in one transaction (a run writes in batches: one
 * round trip per batch, not per household). Each is written once: a proposal the run already
 * has for its household is skipped with its trades. Returns, per input, whether it was written.
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
  }));
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(proposals)
      .values(rows)
      .onConflictDoNothing({ target: [proposals.runId, proposals.householdId] })
      .returning({ id: proposals.id });
    // Trades only for the proposals this insert returned: the trades table has no foreign key
    // to proposals (migration 0007), so this is what keeps every trade's proposal real.
    const written = inserted.map((r) => r.id);
    if (written.length > 0) {
      const ids = arrayLiteral(written);
      await insertTradesOf(tx as unknown as Db, ids);
      await assertKnownAccountsAndSecurities(tx as unknown as Db, ids);
    }
    const isWritten = new Set(written);
    return rows.map((r) => isWritten.has(r.id));
  });
}

/**
 * One trades row per trade of the responses of the proposals listed in `proposalIds` (a text
 * array literal), read back from the responses the same transaction just stored:
 * `{proposal}:{account}:{k}` for the k-th trade (from 0) of an account. The database unpacks the JSON itself; building the rows here and sending them as
 * column arrays cost the coordinator twice (the rows, then the arrays' text) and the store a
 * parse of that text: writing the 20,000-account book's first 2,000 households (99,737 trades)
 * took 2.76-3.07 s that way against 2.47-2.51 s this way, in alternating runs. A number keeps
 * its value: JSON's shortest decimal form (JavaScript's `String`, which the rows used) is what
 * the response holds and what numeric reads.
 */
async function insertTradesOf(db: Db, proposalIds: string): Promise<void> {
  await db.execute(sql`
    INSERT INTO trades
      (id, proposal_id, account_id, security_id, side, quantity, price, value_usd, reasons)
    SELECT p.id || ':' || (a.v->>'id') || ':' || (t.k - 1), p.id, a.v->>'id',
           t.v->>'security', t.v->>'side', (t.v->>'quantity')::numeric,
           (t.v->>'price')::numeric, (t.v->>'value')::numeric, t.v->'reasons'
    FROM proposals p
    CROSS JOIN LATERAL jsonb_array_elements(p.response->'accounts') AS a(v)
    CROSS JOIN LATERAL jsonb_array_elements(a.v->'trades') WITH ORDINALITY AS t(v, k)
    WHERE p.id = ANY(${proposalIds}::text[]) AND p.response IS NOT NULL`);
}

/**
 * The check the trades table's foreign keys to accounts and securities made row by row (see
 * migration 0006), as one query over the trades of the proposals listed in `ids` (a text array
 * literal). A miss is a bug in the run (it builds trades only from what it read): it throws,
 * and the transaction writes nothing.
 *
 * Each distinct account of the batch is looked up by its key (LATERAL … LIMIT 1 makes that a
 * probe per account whatever the statistics say). Written as a plain anti-join, the planner,
 * which has no statistics for trades written since the last ANALYZE, hashed all 20,000 accounts
 * of the demo book for every batch of 32 proposals: 5.0 ms a batch against 2.0 ms, and 1.8 s of
 * the 20,000-account run's 11 s of writes. The securities table is small enough to hash.
 */
async function assertKnownAccountsAndSecurities(db: Db, ids: string): Promise<void> {
  const missing = rowsOf<{ kind: string; id: string }>(
    await db.execute(sql`
      SELECT 'account' AS kind, t.id FROM
        (SELECT DISTINCT account_id AS id FROM trades WHERE proposal_id = ANY(${ids}::text[])) t
        LEFT JOIN LATERAL (SELECT true AS found FROM accounts a WHERE a.id = t.id LIMIT 1) f
          ON true
        WHERE f.found IS NULL
      UNION ALL
      SELECT DISTINCT 'security' AS kind, t.security_id AS id FROM trades t
        WHERE t.proposal_id = ANY(${ids}::text[])
          AND NOT EXISTS (SELECT 1 FROM securities s WHERE s.id = t.security_id)`),
  );
  if (missing.length > 0) {
    const list = missing.map((m) => `${m.kind} ${m.id}`).join(', ');
    throw new Error(`store internal error: trades name an unknown ${list}; nothing was written`);
  }
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
    .select({ status: proposals.status, n: count() })
    .from(proposals)
    .where(eq(proposals.runId, runId))
    .groupBy(proposals.status);
  const n = (s: ProposalStatus): number => byStatus.find((b) => b.status === s)?.n ?? 0;
  const tradeCount = rowsOf<{ n: string }>(
    await db.execute(sql`
      SELECT count(*) AS n FROM trades t JOIN proposals p ON p.id = t.proposal_id
      WHERE p.run_id = ${runId}`),
  );
  return {
    runId,
    status: run.status,
    householdsSelected: run.householdsSelected,
    proposalsWritten: byStatus.reduce((s, b) => s + b.n, 0),
    proposed: n('proposed'),
    noTrade: n('noTrade'),
    gated: n('gated'),
    errors: n('error'),
    trades: Number(tradeCount[0]?.n ?? 0),
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
