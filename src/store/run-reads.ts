/**
 * Runs for people: a page of runs with their proposal counts and book tally, and the tally kept
 * when a run finishes (run_reports). Runs whose tally was never kept (started from the CLI)
 * read their proposals' responses a page at a time so a caller can sum them.
 */
import { and, asc, count, desc, eq, gt, inArray, isNotNull, sum } from 'drizzle-orm';
import type { RebalanceResponse } from '../domain/index.js';
import type { Db } from './open-store.js';
import type { RunRow } from './runs-repo.js';
import { proposals, runReports, runs, type ProposalStatus } from './schema/index.js';

/** A run's proposals by status, and its trades. */
export interface RunCounts {
  householdsSelected: number;
  proposalsWritten: number;
  proposed: number;
  noTrade: number;
  gated: number;
  errors: number;
  trades: number;
}

/** A run with its counts and its kept tally (null: none yet). */
export interface RunLine {
  run: RunRow;
  counts: RunCounts;
  book: Record<string, number> | null;
}

/** Counts by status and trades of each of these runs. */
async function countsOf(db: Db, list: readonly RunRow[]): Promise<Map<string, RunCounts>> {
  const ids = list.map((r) => r.id);
  const out = new Map<string, RunCounts>(
    list.map((r) => [
      r.id,
      {
        householdsSelected: r.householdsSelected,
        proposalsWritten: 0,
        proposed: 0,
        noTrade: 0,
        gated: 0,
        errors: 0,
        trades: 0,
      },
    ]),
  );
  if (ids.length === 0) return out;
  const byStatus = await db
    .select({
      runId: proposals.runId,
      status: proposals.status,
      n: count(),
      trades: sum(proposals.tradeCount).mapWith(Number),
    })
    .from(proposals)
    .where(inArray(proposals.runId, ids))
    .groupBy(proposals.runId, proposals.status);
  const field: Partial<Record<ProposalStatus, 'proposed' | 'noTrade' | 'gated' | 'errors'>> = {
    proposed: 'proposed',
    noTrade: 'noTrade',
    gated: 'gated',
    error: 'errors',
  };
  for (const b of byStatus) {
    const c = out.get(b.runId)!;
    c.proposalsWritten += b.n;
    c.trades += b.trades;
    const f = field[b.status];
    if (f) c[f] += b.n;
  }
  return out;
}

/** The runs with these rows, with counts and kept tallies. */
async function linesOf(db: Db, list: RunRow[]): Promise<RunLine[]> {
  const counts = await countsOf(db, list);
  const ids = list.map((r) => r.id);
  const reports = ids.length
    ? await db.select().from(runReports).where(inArray(runReports.runId, ids))
    : [];
  const book = new Map(reports.map((r) => [r.runId, r.book]));
  return list.map((run) => ({ run, counts: counts.get(run.id)!, book: book.get(run.id) ?? null }));
}

/** A page of runs, newest first. */
export async function listRunPage(
  db: Db,
  page: { limit: number; offset: number },
): Promise<{ items: RunLine[]; total: number }> {
  const list = await db
    .select()
    .from(runs)
    .orderBy(desc(runs.startedAt), desc(runs.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(runs);
  return { items: await linesOf(db, list), total: total?.n ?? 0 };
}

/** One run with its counts and kept tally, or undefined. */
export async function getRunLine(db: Db, id: string): Promise<RunLine | undefined> {
  const list = await db.select().from(runs).where(eq(runs.id, id));
  return list.length ? (await linesOf(db, list))[0] : undefined;
}

/** Keeps a finished run's tally (a second write for the same run is ignored). */
export async function saveRunReport(
  db: Db,
  runId: string,
  book: Record<string, number>,
): Promise<void> {
  await db
    .insert(runReports)
    .values({ runId, book })
    .onConflictDoNothing({ target: runReports.runId });
}

/** The run's responses after proposal id `after` (by id), at most `limit`. */
export async function runResponses(
  db: Db,
  runId: string,
  after: string,
  limit: number,
): Promise<{ id: string; response: RebalanceResponse }[]> {
  const rows = await db
    .select({ id: proposals.id, response: proposals.response })
    .from(proposals)
    .where(and(eq(proposals.runId, runId), gt(proposals.id, after), isNotNull(proposals.response)))
    .orderBy(asc(proposals.id))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, response: r.response! }));
}
