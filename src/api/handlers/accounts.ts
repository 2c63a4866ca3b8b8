/**
 * `/v1/accounts/:id`: one account at the latest prices, its settings history, and a new
 * settings version (admin, pm). Advisors read their own households' accounts only.
 */
import type { AccountSettings } from '../../domain/index.js';
import { householdDriftBefore } from '../../rebalance/index.js';
import {
  accountOwner,
  getAccount,
  saveAccountSettings,
  settingsHistory,
} from '../../store/index.js';
import type { AccountDetail, SettingsHistory } from '../contract/index.js';
import { notFound, ok, type Reply } from '../reply.js';
import { advisorOf, caller, type RouteContext } from '../route-types.js';

/** `GET /v1/accounts/:id`. */
export async function accountHandler(ctx: RouteContext<undefined, undefined>): Promise<Reply> {
  const id = ctx.params['id']!;
  const a: AccountDetail | undefined = await getAccount(
    ctx.state.store.db,
    householdDriftBefore,
    id,
    advisorOf(ctx.user),
  );
  return a ? ok(a) : notFound('account', id);
}

/** Whether the caller may see the account (it exists, and for an advisor: is theirs). */
export async function visibleAccount(
  ctx: RouteContext<unknown, unknown>,
  id: string,
): Promise<boolean> {
  const owner = await accountOwner(ctx.state.store.db, id);
  const own = advisorOf(ctx.user);
  return owner !== undefined && (own === undefined || owner.advisor === own);
}

/** `GET /v1/accounts/:id/settings`: every version, newest first. */
export async function settingsHistoryHandler(
  ctx: RouteContext<undefined, undefined>,
): Promise<Reply> {
  const id = ctx.params['id']!;
  if (!(await visibleAccount(ctx, id))) return notFound('account', id);
  const rows = await settingsHistory(ctx.state.store.db, id);
  const history: SettingsHistory = {
    items: rows.map((r) => ({
      version: r.version,
      settings: r.settings,
      changedBy: r.changedBy,
      changedAt: r.changedAt.toISOString(),
      note: r.note,
    })),
    total: rows.length,
  };
  return ok(history);
}

/** `PUT /v1/accounts/:id/settings`: the next version. */
export async function putSettingsHandler(
  ctx: RouteContext<undefined, { settings: AccountSettings; note: string }>,
): Promise<Reply> {
  const id = ctx.params['id']!;
  if (!(await visibleAccount(ctx, id))) return notFound('account', id);
  const version = await saveAccountSettings(
    ctx.state.store.db,
    id,
    ctx.body.settings,
    caller(ctx).username,
    ctx.body.note,
  );
  return ok({ accountId: id, version });
}
