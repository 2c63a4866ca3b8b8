/**
 * `GET /v1/households/:id/customization-costs`: the household rebalanced at the latest prices,
 * re-solved once per customization to price each one (tracking error and tax it costs). The
 * household is built and gated exactly as a run builds it.
 */
import { latestPriceDate } from '../../batch/index.js';
import { householdDriftBefore, rebalance } from '../../rebalance/index.js';
import { getHousehold, loadHouseholdInputs, loadMarketSnapshot } from '../../store/index.js';
import type { CustomizationCosts } from '../contract/index.js';
import { conflict, notFound, ok, type Reply } from '../reply.js';
import { advisorOf, type RouteContext } from '../route-types.js';

/** `GET /v1/households/:id/customization-costs`. */
export async function customizationCostsHandler(
  ctx: RouteContext<undefined, undefined>,
): Promise<Reply> {
  const id = ctx.params['id']!;
  const db = ctx.state.store.db;
  if (!(await getHousehold(db, householdDriftBefore, id, advisorOf(ctx.user))))
    return notFound('household', id);
  const asOf = await latestPriceDate(db);
  if (asOf === undefined)
    return conflict('the store holds no prices: import a feed first', 'noPrices');
  const [input] = await loadHouseholdInputs(db, await loadMarketSnapshot(db, asOf), [id]);
  if (!input || input.status === 'gated') {
    const gated: CustomizationCosts = {
      householdId: id,
      asOf,
      status: 'gated',
      reasons: input?.status === 'gated' ? input.reasons : [],
      accounts: [],
    };
    return ok(gated);
  }
  const response = rebalance(input.request, { explain: true, customizationCosts: true });
  const costs: CustomizationCosts = {
    householdId: id,
    asOf,
    status: 'ok',
    reasons: [],
    accounts: response.accounts.map((a) => ({
      accountId: a.id,
      status: a.status,
      costs: (a.summary.customizationCost ?? []).map((c) => ({
        customization: c.customization,
        trackingError: c.trackingError,
        taxUsd: c.tax,
      })),
    })),
  };
  return ok(costs);
}
