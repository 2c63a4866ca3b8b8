/** `GET /v1/book`: the overview of the whole book. */
import { householdDriftBefore } from '../../rebalance/index.js';
import { bookOverview } from '../../store/index.js';
import type { BookOverview } from '../contract/index.js';
import { ok, type Reply } from '../reply.js';
import type { RouteContext } from '../route-types.js';

/** `GET /v1/book`. */
export async function bookHandler(ctx: RouteContext<undefined, undefined>): Promise<Reply> {
  const view: BookOverview = await bookOverview(ctx.state.store.db, householdDriftBefore);
  return ok(view);
}
