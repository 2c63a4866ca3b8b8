/**
 * Tax lots bought on real dates at the real close of that date: a position's value today is
 * split into 1–5 lots, each with a cost basis of quantity × the shipped close of its acquisition
 * date, so every gain and loss is one the market really made. A recent purchase (within the 30
 * days the wash-sale rules look back) also gets its buy transaction.
 */
import { Decimal } from 'decimal.js';
import type { FirmLot, FirmTransaction } from '../store/index.js';
import { closeAt, type DemoMarket } from './market-data.js';
import type { DemoRandom } from './random.js';

/** Calendar days of fills a request carries (the 30-day wash-sale window plus a margin). */
export const RECENT_DAYS = 31;

/** Where lots are drawn from: the market, the run date's index and the recent-window start. */
export interface LotContext {
  market: DemoMarket;
  rng: DemoRandom;
  /** Index of the run date in `market.dates`. */
  last: number;
  /** First index whose date is at most RECENT_DAYS calendar days before the run date. */
  recentStart: number;
}

/** A position to build: its value today and how its lots are dated. */
export interface PositionPlan {
  security: string;
  /** Value today, in currency. */
  value: number;
  /** Lots dated in this index range (default: the whole calendar before the recent window). */
  from?: number;
  to?: number;
  /** The newest lot is bought within the wash-sale window. */
  recent?: boolean;
}

/** Builds the context for `market`, whose last date is the run date. */
export function lotContext(market: DemoMarket, rng: DemoRandom): LotContext {
  const last = market.dates.length - 1;
  const cutoff = new Date(`${market.dates[last]}T00:00:00Z`);
  cutoff.setUTCDate(cutoff.getUTCDate() - RECENT_DAYS);
  const iso = cutoff.toISOString().slice(0, 10);
  const recentStart = market.dates.findIndex((d) => d >= iso);
  return { market, rng, last, recentStart };
}

/** Splits `total` into `parts` positive whole numbers (parts ≤ total). */
function split(rng: DemoRandom, total: number, parts: number): number[] {
  const cuts = new Set<number>();
  while (cuts.size < parts - 1) cuts.add(rng.int(1, total - 1));
  const edges = [0, ...[...cuts].sort((a, b) => a - b), total];
  return edges.slice(1).map((e, i) => e - edges[i]!);
}

/** A date index in [from, to] on which `security` has a close. */
function pricedIndex(ctx: LotContext, security: string, from: number, to: number): number {
  const closes = ctx.market.closes.get(security) ?? [];
  const first = Math.max(
    from,
    closes.findIndex((c) => c !== undefined),
  );
  for (let tries = 0; tries < 50; tries++) {
    const i = ctx.rng.int(first, Math.max(first, to));
    if (closes[i] !== undefined) return i;
  }
  return ctx.last;
}

/**
 * The lots (ids `L<next>`…) and recent buy fills of one account's positions. Positions worth
 * less than one share today are skipped.
 */
export function buildLots(
  ctx: LotContext,
  accountId: string,
  positions: readonly PositionPlan[],
): { lots: FirmLot[]; buys: FirmTransaction[] } {
  const lots: FirmLot[] = [];
  const buys: FirmTransaction[] = [];
  for (const p of positions) {
    const now = Number(closeAt(ctx.market, p.security, ctx.last));
    const quantity = Math.floor(p.value / now);
    if (!(quantity >= 1)) continue;
    const parts = split(ctx.rng, quantity, Math.min(quantity, ctx.rng.int(1, 5)));
    parts.forEach((q, i) => {
      const recent = p.recent === true && i === parts.length - 1;
      const index = recent
        ? pricedIndex(ctx, p.security, ctx.recentStart, ctx.last - 1)
        : pricedIndex(ctx, p.security, p.from ?? 0, p.to ?? ctx.recentStart - 1);
      const close = closeAt(ctx.market, p.security, index)!;
      const date = ctx.market.dates[index]!;
      const cost = new Decimal(close).times(q);
      lots.push({
        accountId,
        id: `L${lots.length + 1}`,
        securityId: p.security,
        quantity: String(q),
        costBasis: cost.toString(),
        acquired: date,
      });
      if (index >= ctx.recentStart)
        buys.push({
          accountId,
          date,
          type: 'buy',
          securityId: p.security,
          quantity: String(q),
          price: close,
          amount: cost.negated().toString(),
        });
    });
  }
  return { lots, buys };
}
