/**
 * Proposals for people, a page at a time: each with its household, trade count, estimated tax
 * and what gave way — computed in SQL from the stored response, which stays in the database —
 * and one proposal with its trades, decisions and the engine's response.
 */
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { RebalanceResponse } from '../domain/index.js';
import type { Db } from './open-store.js';
import { proposalTrades, type ProposalTrade } from './proposal-trades.js';
import { approvals, households, proposals, runs, type ProposalStatus } from './schema/index.js';

/** A proposal as the list shows it. */
export interface ProposalRow {
  id: string;
  runId: string;
  householdId: string;
  householdName: string;
  advisor: string;
  status: ProposalStatus;
  trades: number;
  estimatedTaxUsd: number;
  relaxed: string[];
  reason: string | null;
  createdAt: Date;
}

/** Which proposals, and which page. */
export interface ProposalQuery {
  runId?: string;
  status?: ProposalStatus;
  householdId?: string;
  /** Only this advisor's households. */
  advisor?: string;
  limit: number;
  offset: number;
}

const columns = {
  id: proposals.id,
  runId: proposals.runId,
  householdId: proposals.householdId,
  householdName: households.name,
  advisor: households.advisor,
  status: proposals.status,
  reason: proposals.reason,
  createdAt: proposals.createdAt,
  trades: proposals.tradeCount,
  // Cents summed exactly, as `tailor proposals` does.
  estimatedTaxUsd: sql<number>`coalesce((SELECT sum(round(((x.value #>> '{summary,estimatedTax}')::numeric) * 100))
      FROM jsonb_array_elements(${proposals.response} -> 'accounts') x), 0)::float8 / 100`,
  relaxed: sql<
    string[]
  >`coalesce((SELECT jsonb_agg((x.value ->> 'id') || ': ' || (r.value ->> 'setting'))
      FROM jsonb_array_elements(${proposals.response} -> 'accounts') x,
           jsonb_array_elements(x.value #> '{summary,relaxed}') r), '[]'::jsonb)`,
};

function filterOf(q: Omit<ProposalQuery, 'limit' | 'offset'>): SQL | undefined {
  const where: SQL[] = [];
  if (q.runId !== undefined) where.push(eq(proposals.runId, q.runId));
  if (q.status !== undefined) where.push(eq(proposals.status, q.status));
  if (q.householdId !== undefined) where.push(eq(proposals.householdId, q.householdId));
  if (q.advisor !== undefined) where.push(eq(households.advisor, q.advisor));
  return where.length ? and(...where) : undefined;
}

/** A page of proposals, newest first, then by household. */
export async function listProposalPage(
  db: Db,
  q: ProposalQuery,
): Promise<{ items: ProposalRow[]; total: number }> {
  const where = filterOf(q);
  const rows = await db
    .select(columns)
    .from(proposals)
    .innerJoin(households, eq(households.id, proposals.householdId))
    .where(where)
    .orderBy(desc(proposals.createdAt), asc(proposals.householdId), asc(proposals.id))
    .limit(q.limit)
    .offset(q.offset);
  const [total] = await db
    .select({ n: count() })
    .from(proposals)
    .innerJoin(households, eq(households.id, proposals.householdId))
    .where(where);
  return {
    items: rows.map((r) => ({
      ...r,
      estimatedTaxUsd: Number(r.estimatedTaxUsd),
    })),
    total: total?.n ?? 0,
  };
}

/** One proposal with its trades, decisions and response. */
export interface ProposalView extends ProposalRow {
  runAsOf: string;
  inputHash: string;
  response: RebalanceResponse | null;
  tradeList: ProposalTrade[];
  decisions: {
    decision: 'approved' | 'rejected';
    decidedBy: string;
    decidedAt: Date;
    note: string;
  }[];
}

/** One proposal (undefined when missing, or not in the given advisor's households). */
export async function getProposal(
  db: Db,
  id: string,
  advisor?: string,
): Promise<ProposalView | undefined> {
  const [row] = await db
    .select({
      ...columns,
      runAsOf: runs.asOf,
      inputHash: proposals.inputHash,
      response: proposals.response,
    })
    .from(proposals)
    .innerJoin(households, eq(households.id, proposals.householdId))
    .innerJoin(runs, eq(runs.id, proposals.runId))
    .where(eq(proposals.id, id));
  if (!row || (advisor !== undefined && row.advisor !== advisor)) return undefined;
  const tradeList = await proposalTrades(db, id);
  const decisions = await db
    .select({
      decision: approvals.decision,
      decidedBy: approvals.decidedBy,
      decidedAt: approvals.decidedAt,
      note: approvals.note,
    })
    .from(approvals)
    .where(eq(approvals.proposalId, id))
    .orderBy(asc(approvals.id));
  return {
    ...row,
    estimatedTaxUsd: Number(row.estimatedTaxUsd),
    tradeList,
    decisions,
  };
}
