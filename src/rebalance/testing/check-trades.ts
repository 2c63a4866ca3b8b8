/**
 * Trades (spec §2, Definitions: Money, Term): known security at the request's price, value to the
 * cent, buys without lots, sells relieving lots of that account and security whose quantities sum
 * to the trade's, each lot line's basis, gain and term right, no lot sold beyond its quantity.
 */
import type { TradeLotLine } from '../../domain/index.js';
import { exact } from '../../tax/index.js';
import type { AccountPair, Check } from './check-context.js';
import { isRoundedToCent, isWholeCents, product, proRataBasis, termOf } from './money-checks.js';
import type { RequestFacts } from './request-facts.js';
import { fmt, Findings } from './violation.js';

function checkLotLine(
  f: Findings,
  facts: RequestFacts,
  pair: AccountPair,
  security: string,
  price: number,
  line: TradeLotLine,
): void {
  const id = pair.facts.id;
  const lot = pair.facts.lots.get(line.lot);
  if (!lot) {
    f.add(id, 'trade.lot', `sell of ${security} relieves unknown lot ${line.lot}`);
    return;
  }
  if (lot.security !== security) {
    f.add(id, 'trade.lot', `sell of ${security} relieves lot ${line.lot} of ${lot.security}`);
    return;
  }
  const basis = proRataBasis(lot.costBasis, line.quantity, lot.quantity);
  f.expect(isRoundedToCent(line.costBasis, basis), id, 'trade.lotBasis', () => {
    return `lot ${line.lot}: costBasis ${fmt(line.costBasis)}, expected ${basis} to the cent`;
  });
  const gain = exact(product(line.quantity, price)).minus(exact(line.costBasis));
  const gainOff = exact(line.gain).minus(gain).abs();
  f.expect(isWholeCents(line.gain) && gainOff.lte('0.010000001'), id, 'trade.lotGain', () => {
    return `lot ${line.lot}: gain ${fmt(line.gain)}, expected ${gain.toString()} to the cent`;
  });
  const term = termOf(lot.acquired, facts.asOf);
  f.expect(line.term === term, id, 'trade.lotTerm', () => {
    return `lot ${line.lot} acquired ${lot.acquired}: term ${line.term}, expected ${term}`;
  });
}

function checkAccount(f: Findings, facts: RequestFacts, pair: AccountPair): void {
  const id = pair.facts.id;
  const sold = new Map<string, number>();
  for (const trade of pair.proposal.trades) {
    const what = `${trade.side} ${fmt(trade.quantity)} ${trade.security}`;
    const security = facts.securities.get(trade.security);
    if (!security) {
      f.add(id, 'trade.security', `${what}: security not listed in the request`);
      continue;
    }
    f.expect(trade.price === security.price, id, 'trade.price', () => {
      return `${what}: price ${fmt(trade.price)}, the request's is ${fmt(security.price)}`;
    });
    const value = product(trade.quantity, security.price);
    f.expect(isRoundedToCent(trade.value, value), id, 'trade.value', () => {
      return `${what}: value ${fmt(trade.value)}, expected ${value} to the cent`;
    });
    if (trade.side === 'buy') {
      f.expect(trade.lots === undefined, id, 'trade.buyLots', () => `${what} lists lots`);
      continue;
    }
    const lines = trade.lots ?? [];
    const total = lines.reduce((acc, line) => acc + line.quantity, 0);
    f.expect(
      lines.length > 0 && Math.abs(total - trade.quantity) <= 1e-9 * Math.max(1, trade.quantity),
      id,
      'trade.lotQuantities',
      () => `${what}: lot quantities sum to ${fmt(total)}`,
    );
    for (const line of lines) {
      checkLotLine(f, facts, pair, trade.security, security.price, line);
      sold.set(line.lot, (sold.get(line.lot) ?? 0) + line.quantity);
    }
  }
  for (const [lotId, quantity] of sold) {
    const lot = pair.facts.lots.get(lotId);
    if (!lot) continue;
    f.expect(quantity <= lot.quantity * (1 + 1e-9), id, 'trade.oversold', () => {
      return `lot ${lotId}: ${fmt(quantity)} sold of ${fmt(lot.quantity)} held`;
    });
  }
}

/** Checks every trade of every account. */
export const checkTrades: Check = ({ facts, pairs }) => {
  const f = new Findings();
  for (const pair of pairs) checkAccount(f, facts, pair);
  return f.list;
};
