/**
 * Random lots (past dates: some near their long-term date, some on Feb 29, some in the wash
 * window) and recent fills (most recent lots with their buy; buys and sells in and out of the
 * 30-day window, sells at a gain, at a loss or without a gain).
 */
import type { HeldLot, RecentTrade, Security } from '../../domain/index.js';
import { toDay, toIso } from '../../tax/index.js';
import { round2, type Draw } from './random-draw.js';

function acquiredDate(d: Draw, asOf: number): string {
  const mode = d.int(0, 9);
  if (mode === 7) {
    const leap = d.pick(['2024-02-29', '2020-02-29']);
    if (toDay(leap) < asOf) return leap;
  }
  if (mode === 5 || mode === 6) return toIso(asOf - 365 + d.int(-3, 33)); // near its anniversary
  if (mode === 8) return toIso(asOf - d.int(0, 30)); // bought in the wash window
  if (mode === 9) return toIso(asOf - d.int(366, 400));
  return toIso(asOf - d.int(31, 3000));
}

/** 0–5 lots. */
export function randomLots(d: Draw, securities: readonly Security[], asOf: number): HeldLot[] {
  return Array.from({ length: d.int(0, 5) }, (_, j) => {
    const s = d.pick(securities);
    let quantity = d.chance(15) ? d.int(1, 5000) / 100 : d.int(1, 300);
    if (s.lotSize === 10 && d.chance(50)) quantity = 10 * d.int(1, 30);
    const costBasis = round2(quantity * s.price * (d.int(50, 160) / 100));
    return { id: `L${j}`, security: s.id, quantity, costBasis, acquired: acquiredDate(d, asOf) };
  });
}

/** Fills of recent lots, and 0–3 more. */
export function randomFills(
  d: Draw,
  securities: readonly Security[],
  lots: readonly HeldLot[],
  asOf: number,
): RecentTrade[] {
  const fills: RecentTrade[] = [];
  for (const lot of lots) {
    if (asOf - toDay(lot.acquired) > 30 || !d.chance(70)) continue;
    const price = Math.max(0.01, round2(lot.costBasis / lot.quantity));
    fills.push({
      date: lot.acquired,
      security: lot.security,
      side: 'buy',
      quantity: lot.quantity,
      price,
    });
  }
  for (let i = d.int(0, 3); i > 0; i--) {
    const s = d.pick(securities);
    const fill: RecentTrade = {
      date: toIso(asOf - d.int(0, 40)),
      security: s.id,
      side: d.chance(50) ? 'buy' : 'sell',
      quantity: d.int(1, 50),
      price: Math.max(0.01, round2((s.price * d.int(80, 120)) / 100)),
    };
    const gain = d.int(0, 2);
    if (fill.side === 'sell' && gain < 2)
      fill.realizedGain = gain === 0 ? -d.int(1, 500) : d.int(1, 500);
    fills.push(fill);
  }
  return fills;
}
