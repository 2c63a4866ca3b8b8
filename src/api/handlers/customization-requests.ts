/**
 * `/v1/customization-requests`: advisors ask for an account's settings to change (their own
 * households' accounts only); a PM or admin approves — the settings become a new version — or
 * rejects with a note.
 */
import type { z } from 'zod';
import type { AccountSettings } from '../../domain/index.js';
import {
  createCustomizationRequest,
  decideCustomizationRequest,
  listCustomizationRequests,
  type CustomizationRequestRow,
} from '../../store/index.js';
import type {
  CustomizationRequest,
  CustomizationRequestListQuerySchema,
} from '../contract/index.js';
import { conflict, notFound, ok, type Reply } from '../reply.js';
import { advisorOf, caller, type RouteContext } from '../route-types.js';
import { visibleAccount } from './accounts.js';

/** A request as the API shows it. */
export const requestOf = (r: CustomizationRequestRow): CustomizationRequest => ({
  id: r.id,
  accountId: r.accountId,
  householdId: r.householdId,
  settings: r.settings,
  note: r.note,
  requestedBy: r.requestedBy,
  requestedAt: r.requestedAt.toISOString(),
  status: r.status,
  decidedBy: r.decidedBy,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  decisionNote: r.decisionNote,
  settingsVersion: r.settingsVersion,
});

/** `GET /v1/customization-requests`. */
export async function listRequestsHandler(
  ctx: RouteContext<z.output<typeof CustomizationRequestListQuerySchema>, undefined>,
): Promise<Reply> {
  const q = ctx.query;
  const own = advisorOf(ctx.user);
  const page = await listCustomizationRequests(ctx.state.store.db, {
    limit: q.limit,
    offset: q.offset,
    ...(q.status !== undefined ? { status: q.status } : {}),
    ...(q.account !== undefined ? { accountId: q.account } : {}),
    ...(q.household !== undefined ? { householdId: q.household } : {}),
    ...(own !== undefined ? { advisor: own } : {}),
  });
  return ok({ items: page.items.map(requestOf), total: page.total });
}

/** `POST /v1/customization-requests` (advisors: their own accounts only). */
export async function createRequestHandler(
  ctx: RouteContext<undefined, { account: string; settings: AccountSettings; note: string }>,
): Promise<Reply> {
  const { account, settings, note } = ctx.body;
  if (!(await visibleAccount(ctx, account))) return notFound('account', account);
  const row = await createCustomizationRequest(
    ctx.state.store.db,
    { accountId: account, settings, note },
    caller(ctx).username,
  );
  return ok(requestOf(row), 201);
}

/** The approve or reject handler. */
export function decideRequestHandler(decision: 'approved' | 'rejected') {
  return async (ctx: RouteContext<undefined, { note: string }>): Promise<Reply> => {
    const id = ctx.params['id']!;
    const r = await decideCustomizationRequest(
      ctx.state.store.db,
      id,
      decision,
      caller(ctx).username,
      ctx.body.note,
    );
    if (r.ok) return ok(requestOf(r.request));
    return r.code === 'notFound' ? notFound('customization request', id) : conflict(r.why, r.code);
  };
}
