/**
 * Reading proposals for people: one line per household with its status, trade count,
 * estimated tax and whether a setting gave way.
 */
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { RebalanceResponse } from '../domain/index.js';
import type { Db } from './open-store.js';
import { proposals, runs, type ProposalStatus } from './schema/index.js';

export { PROPOSAL_STATUSES } from '../domain/index.js';

/** One proposal as `tailor proposals` shows it. */
export interface ProposalLine {
  id: string;
  runId: string;
  householdId: string;
  status: ProposalStatus;
  trades: number;
  /** Sum of the accounts' estimated tax (negative: losses save tax). */
  estimatedTax: number;
  /** The settings that gave way, as `account: setting` (empty: none). */
  relaxed: string[];
  /** Why a gated or failed household was not traded. */
  reason: string | null;
}

/** The settings that gave way in a response, as `account: setting`. */
export function relaxedSettings(response: RebalanceResponse | null): string[] {
  return (response?.accounts ?? []).flatMap((a) => {
    const named = a.summary.relaxed.map((r) => `${a.id}: ${r.setting}`);
    return named.length === 0 && a.status === 'relaxed' ? [`${a.id}: (relaxed)`] : named;
  });
}

/** Sum of the accounts' estimated tax, to the cent. */
export function estimatedTaxOf(response: RebalanceResponse | null): number {
  const cents = (response?.accounts ?? []).reduce(
    (s, a) => s + Math.round(a.summary.estimatedTax * 100),
    0,
  );
  return cents / 100;
}

export interface ProposalFilter {
  runId?: string;
  status?: ProposalStatus;
}

/** The latest run's id (by start time), or undefined for a store without runs. */
export async function latestRunId(db: Db): Promise<string | undefined> {
  const [row] = await db.select({ id: runs.id }).from(runs).orderBy(desc(runs.startedAt)).limit(1);
  return row?.id;
}

/** Proposals matching the filter, by household. */
export async function listProposals(db: Db, filter: ProposalFilter = {}): Promise<ProposalLine[]> {
  const where: SQL[] = [];
  if (filter.runId !== undefined) where.push(eq(proposals.runId, filter.runId));
  if (filter.status !== undefined) where.push(eq(proposals.status, filter.status));
  const rows = await db
    .select({
      id: proposals.id,
      runId: proposals.runId,
      householdId: proposals.householdId,
      status: proposals.status,
      reason: proposals.reason,
      response: proposals.response,
      trades: proposals.tradeCount,
    })
    .from(proposals)
    .where(where.length ? and(...where) : undefined)
    .orderBy(proposals.householdId, proposals.createdAt);
  return rows.map((r) => ({
    id: r.id,
    runId: r.runId,
    householdId: r.householdId,
    status: r.status,
    trades: r.trades,
    estimatedTax: estimatedTaxOf(r.response),
    relaxed: relaxedSettings(r.response),
    reason: r.reason,
  }));
}
