/**
 * The response's trades of one account: one per security and side, sells listing their lot
 * lines (quantities summing to the trade's), values to the cent, every trade with its reasons.
 * Sells come first (they fund the buys), each side in the request's security order.
 */
import type { ProposedTrade, TradeLotLine } from '../../domain/index.js';
import type { HouseholdContext } from '../context/index.js';
import type { DiscretePlan } from './discrete-plan.js';
import { centsToNumber, tradeCents } from './money.js';
import { sumShares } from './quantities.js';
import { buyReasons, reasonFacts, sellReasons } from './reasons.js';

/** The trades of `plan`, given its lot lines by security. */
export function proposedTrades(
  ctx: HouseholdContext,
  plan: DiscretePlan,
  lines: ReadonlyMap<number, TradeLotLine[]>,
): ProposedTrade[] {
  const facts = reasonFacts(ctx, plan);
  const sells: ProposedTrade[] = [];
  const buys: ProposedTrade[] = [];
  for (let i = 0; i < ctx.securities.length; i++) {
    const sec = ctx.securities[i]!;
    const lots = lines.get(i);
    if (lots !== undefined && lots.length > 0) {
      const quantity = sumShares(lots.map((line) => line.quantity));
      sells.push({
        security: sec.id,
        side: 'sell',
        quantity,
        price: sec.priceUsd,
        value: centsToNumber(tradeCents(quantity, sec.priceUsd)),
        lots,
        reasons: sellReasons(ctx, plan, facts, i),
      });
    }
    const q = plan.buy[i]!;
    if (q > 0) {
      buys.push({
        security: sec.id,
        side: 'buy',
        quantity: q,
        price: sec.priceUsd,
        value: centsToNumber(tradeCents(q, sec.priceUsd)),
        reasons: buyReasons(ctx, plan, facts, i, q),
      });
    }
  }
  return [...sells, ...buys];
}
