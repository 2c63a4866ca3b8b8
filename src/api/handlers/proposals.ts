/**
 * `/v1/proposals`: a page of proposals, one with its trades and reasons, and the decisions —
 * approve (re-checks staleness: 409 when stale), reject (with a note), approve many. Advisors
 * read their own households' proposals only.
 */
import type { z } from 'zod';
import {
  approve,
  approveMany,
  getProposal,
  latestRunId,
  listProposalPage,
  reject,
  type DecisionResult,
  type ProposalRow,
} from '../../store/index.js';
import type { DecisionDone, ProposalListQuerySchema, ProposalSummary } from '../contract/index.js';
import { conflict, invalid, notFound, ok, type JsonReply, type Reply } from '../reply.js';
import { advisorOf, caller, type RouteContext } from '../route-types.js';

const summaryOf = (p: ProposalRow): ProposalSummary => ({
  ...p,
  createdAt: p.createdAt.toISOString(),
});

/** `GET /v1/proposals`. */
export async function listProposalsHandler(
  ctx: RouteContext<z.output<typeof ProposalListQuerySchema>, undefined>,
): Promise<Reply> {
  const q = ctx.query;
  const db = ctx.state.store.db;
  const runId = q.run === 'latest' ? ((await latestRunId(db)) ?? '') : q.run;
  const own = advisorOf(ctx.user);
  const page = await listProposalPage(db, {
    limit: q.limit,
    offset: q.offset,
    ...(runId !== undefined ? { runId } : {}),
    ...(q.status !== undefined ? { status: q.status } : {}),
    ...(q.household !== undefined ? { householdId: q.household } : {}),
    ...(own !== undefined ? { advisor: own } : {}),
  });
  return ok({ items: page.items.map(summaryOf), total: page.total });
}

/** `GET /v1/proposals/:id`. */
export async function proposalHandler(ctx: RouteContext<undefined, undefined>): Promise<Reply> {
  const id = ctx.params['id']!;
  const p = await getProposal(ctx.state.store.db, id, advisorOf(ctx.user));
  if (!p) return notFound('proposal', id);
  return ok({
    ...summaryOf(p),
    runAsOf: p.runAsOf,
    inputHash: p.inputHash,
    tradeList: p.tradeList,
    decisions: p.decisions.map((d) => ({ ...d, decidedAt: d.decidedAt.toISOString() })),
    response: p.response,
  });
}

const doneOf = (r: Extract<DecisionResult, { ok: true }>): DecisionDone => ({
  proposalId: r.proposalId,
  householdId: r.householdId,
  status: r.status,
  decidedBy: r.decidedBy,
  decidedAt: r.decidedAt.toISOString(),
  note: r.note,
});

/** A decision's answer: 200, 404 for an unknown id, 400 for a missing note, else 409. */
function replyOf(r: DecisionResult): JsonReply {
  if (r.ok) return ok(doneOf(r));
  if (r.code === 'notFound') return notFound('proposal', r.proposalId);
  if (r.code === 'noNote') return invalid([{ path: ['note'], code: 'required', message: r.why }]);
  return conflict(r.why, r.code);
}

/** `POST /v1/proposals/:id/approve`. */
export async function approveHandler(
  ctx: RouteContext<undefined, { note: string }>,
): Promise<Reply> {
  return replyOf(
    await approve(ctx.state.store.db, ctx.params['id']!, caller(ctx).username, ctx.body.note),
  );
}

/** `POST /v1/proposals/:id/reject`. */
export async function rejectHandler(
  ctx: RouteContext<undefined, { note: string }>,
): Promise<Reply> {
  return replyOf(
    await reject(ctx.state.store.db, ctx.params['id']!, caller(ctx).username, ctx.body.note),
  );
}

/** `POST /v1/proposals/approve`: each id on its own, in input order. */
export async function approveManyHandler(
  ctx: RouteContext<undefined, { ids: string[]; note: string }>,
): Promise<Reply> {
  const results = await approveMany(
    ctx.state.store.db,
    ctx.body.ids,
    caller(ctx).username,
    ctx.body.note,
  );
  const items = results.map((r) =>
    r.ok
      ? { ok: true as const, ...doneOf(r) }
      : { ok: false as const, proposalId: r.proposalId, code: r.code, reason: r.why },
  );
  const approved = items.filter((i) => i.ok).length;
  return ok({ items, approved, refused: items.length - approved });
}
