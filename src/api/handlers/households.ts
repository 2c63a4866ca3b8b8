/**
 * `/v1/households`: the list, one household, and its customizations' price tags. Advisors see
 * their own households only; another's id answers 404 exactly like a missing one.
 */
import { householdDriftBefore } from '../../rebalance/index.js';
import type { HouseholdQuery } from '../../store/index.js';
import { getHousehold, listHouseholds } from '../../store/index.js';
import type { z } from 'zod';
import type { HouseholdDetail, HouseholdListQuerySchema } from '../contract/index.js';
import { notFound, ok, type Reply } from '../reply.js';
import { advisorOf, type RouteContext } from '../route-types.js';

/** `GET /v1/households` (advisors: their own, whatever `advisor` says). */
export async function listHouseholdsHandler(
  ctx: RouteContext<z.output<typeof HouseholdListQuerySchema>, undefined>,
): Promise<Reply> {
  const own = advisorOf(ctx.user);
  const q: HouseholdQuery = {
    limit: ctx.query.limit,
    offset: ctx.query.offset,
    ...(ctx.query.q !== undefined ? { q: ctx.query.q } : {}),
    ...(ctx.query.sort !== undefined ? { sort: ctx.query.sort } : {}),
    ...(ctx.query.outOfTolerance === 'true' ? { outOfTolerance: true } : {}),
    ...(own !== undefined ? { advisor: own } : {}),
    ...(own === undefined && ctx.query.advisor !== undefined ? { advisor: ctx.query.advisor } : {}),
  };
  return ok(await listHouseholds(ctx.state.store.db, householdDriftBefore, q));
}

/** `GET /v1/households/:id`. */
export async function householdHandler(ctx: RouteContext<undefined, undefined>): Promise<Reply> {
  const id = ctx.params['id']!;
  const h = await getHousehold(ctx.state.store.db, householdDriftBefore, id, advisorOf(ctx.user));
  if (!h) return notFound('household', id);
  const detail: HouseholdDetail = {
    ...h,
    accounts: h.accounts.map((a) => ({
      id: a.accountId,
      name: a.name,
      taxStatus: a.taxStatus,
      tradable: a.tradable,
      modelId: a.modelId,
      valueUsd: a.valueUsd,
      cashUsd: a.cashUsd,
      maxDrift: a.maxDrift,
      driftThreshold: a.driftThreshold,
      settings: a.settings,
      settingsVersion: a.settingsVersion,
    })),
  };
  return ok(detail);
}
