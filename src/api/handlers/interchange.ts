/**
 * The stateless routes: `POST /v1/rebalance` (interchange §1 → §2) and `POST /v1/ledger`
 * (§3 → §4) — exactly what `tailor rebalance` and `tailor ledger` print for the same document.
 * The body was validated against the interchange schema on the way in.
 */
import type { LedgerRequest, RebalanceRequest } from '../../domain/index.js';
import { rebalance } from '../../rebalance/index.js';
import { replayLedger } from '../../tax/index.js';
import { magnitudeProblem } from '../http/number-range.js';
import { invalid, ok, type Reply } from '../reply.js';
import type { RouteContext } from '../route-types.js';

/** `POST /v1/rebalance`: the engine with its defaults, as `tailor rebalance`. */
export async function rebalanceHandler(
  ctx: RouteContext<undefined, RebalanceRequest>,
): Promise<Reply> {
  const huge = magnitudeProblem(ctx.body);
  if (huge) return invalid([huge]);
  return ok(rebalance(ctx.body));
}

/** `POST /v1/ledger`: a history the ledger cannot replay is a 400 with its problems. */
export async function ledgerHandler(ctx: RouteContext<undefined, LedgerRequest>): Promise<Reply> {
  const huge = magnitudeProblem(ctx.body);
  if (huge) return invalid([huge]);
  const outcome = replayLedger(ctx.body);
  // A history the ledger cannot replay (selling more than is held…) is the caller's to fix.
  if (outcome.status === 'error') return invalid(outcome.problems);
  return ok(outcome.response);
}
