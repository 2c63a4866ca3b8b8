/**
 * Wash-sale rules across the household (spec Definitions: Wash-sale rules), which never give way:
 * (a) no buy, in any account, of a wash set sold at a loss in a taxable account in the last 30 days
 * or in this proposal; (b) no sale at a loss, in a taxable account, of a wash set bought in the
 * last 30 days, unless forced — and forced ones report the disallowed loss. Deferred and exempt
 * loss sales trigger nothing.
 */
import type { RecentTrade, TradeLotLine } from '../../domain/index.js';
import type { AccountPair, Check, CheckContext } from './check-context.js';
import { mayBeForced } from './check-context.js';
import { washKey, withinWashWindow, type RequestFacts } from './request-facts.js';
import { CENT, fmt, Findings } from './violation.js';

interface RecentBuy {
  account: string;
  fill: RecentTrade;
}

interface LossLine {
  pair: AccountPair;
  line: TradeLotLine;
}

/** A sell that relieved any loss lot, or that reports no net gain of zero or more. */
function isLossFill(fill: RecentTrade): boolean {
  return (fill.realizedLoss ?? 0) < 0 || (fill.realizedGain ?? -1) < 0;
}

/** Wash sets sold at a loss in a taxable account in the last 30 days, and recent buys per set. */
function recentFills(facts: RequestFacts): {
  lossSold: Set<string>;
  bought: Map<string, RecentBuy[]>;
} {
  const lossSold = new Set<string>();
  const bought = new Map<string, RecentBuy[]>();
  for (const account of facts.accounts) {
    for (const fill of account.account.recentTrades) {
      if (!withinWashWindow(facts, fill.date)) continue;
      const key = washKey(facts, fill.security);
      if (fill.side === 'sell' && account.taxable && isLossFill(fill)) lossSold.add(key);
      if (fill.side === 'buy')
        bought.set(key, [...(bought.get(key) ?? []), { account: account.id, fill }]);
    }
  }
  return { lossSold, bought };
}

/** True when a lot in the wash set was acquired in the last 30 days (a buy missing from the fills). */
function recentLotIn(facts: RequestFacts, key: string): boolean {
  return facts.accounts.some((a) =>
    a.account.lots.some(
      (l) => washKey(facts, l.security) === key && withinWashWindow(facts, l.acquired),
    ),
  );
}

/** A recent buy that cannot be the sold lot's own purchase, nor shares sold since. */
function isReplacement(facts: RequestFacts, buy: RecentBuy, lines: readonly LossLine[]): boolean {
  const ownPurchase = lines.some(({ pair, line }) => {
    const lot = pair.facts.lots.get(line.lot);
    return (
      pair.facts.id === buy.account &&
      lot?.security === buy.fill.security &&
      lot.acquired === buy.fill.date
    );
  });
  const account = facts.accounts.find((a) => a.id === buy.account);
  const soldSince = (account?.account.recentTrades ?? []).some(
    (t) =>
      t.side === 'sell' &&
      t.date >= buy.fill.date &&
      washKey(facts, t.security) === washKey(facts, buy.fill.security),
  );
  // Shares of that purchase sold in the same sale as the loss are not its replacements (§3 rule 3).
  const sameSale = lines.some(
    ({ pair }) =>
      pair.facts.id === buy.account &&
      pair.proposal.trades.some(
        (t) =>
          t.side === 'sell' &&
          t.security === buy.fill.security &&
          (t.lots ?? []).some((l) => pair.facts.lots.get(l.lot)?.acquired === buy.fill.date),
      ),
  );
  return !ownPurchase && !soldSince && !sameSale;
}

/**
 * The least loss the replacing buys can disallow: min(replacing shares, loss shares) at the
 * smallest per-share loss of the lines, each line's loss taken half a cent smaller for its
 * rounding. Below half a cent the reported part may round to $0.00.
 */
function leastDisallowedUsd(replacing: readonly RecentBuy[], lines: readonly LossLine[]): number {
  const replacingShares = replacing.reduce((acc, buy) => acc + buy.fill.quantity, 0);
  const lossShares = lines.reduce((acc, { line }) => acc + line.quantity, 0);
  const perShareUsd = Math.min(
    ...lines.map(({ line }) => Math.max(0, -line.gain - CENT / 2) / line.quantity),
  );
  return perShareUsd * Math.min(replacingShares, lossShares);
}

/** Checks the wash-sale rules over the whole household. */
export const checkWash: Check = (context: CheckContext) => {
  const { facts, pairs } = context;
  const f = new Findings();
  const { lossSold, bought } = recentFills(facts);
  const proposalLoss = new Set<string>();
  const forced = new Map<string, LossLine[]>();
  for (const pair of pairs) {
    const id = pair.facts.id;
    for (const trade of pair.proposal.trades) {
      const key = washKey(facts, trade.security);
      for (const line of trade.lots ?? []) {
        const disallowed = line.washSaleDisallowed ?? 0;
        f.expect(
          disallowed <= Math.max(0, -line.gain) + CENT,
          id,
          'wash.disallowedTooLarge',
          () => {
            return `lot ${line.lot}: washSaleDisallowed ${fmt(disallowed)} exceeds the loss`;
          },
        );
        f.expect(pair.facts.taxable || disallowed === 0, id, 'wash.disallowedNotTaxable', () => {
          return `lot ${line.lot}: washSaleDisallowed ${fmt(disallowed)} in a ${pair.facts.account.taxStatus} account`;
        });
        f.expect(
          disallowed === 0 || bought.has(key) || recentLotIn(facts, key),
          id,
          'wash.disallowedUnexplained',
          () => {
            return `lot ${line.lot}: washSaleDisallowed ${fmt(disallowed)} but nothing in its wash set was bought in the last 30 days`;
          },
        );
        if (!pair.facts.taxable || line.gain >= 0) continue;
        proposalLoss.add(key);
        if (!bought.has(key)) continue;
        if (mayBeForced(pair, trade)) forced.set(key, [...(forced.get(key) ?? []), { pair, line }]);
        else
          f.add(
            id,
            'wash.lossSaleAfterBuy',
            `sells lot ${line.lot} of ${trade.security} at a loss; its wash set was bought in the last 30 days`,
          );
      }
    }
  }
  for (const [key, lines] of forced) {
    const replacing = (bought.get(key) ?? []).filter((buy) => isReplacement(facts, buy, lines));
    const total = lines.reduce((acc, { line }) => acc + (line.washSaleDisallowed ?? 0), 0);
    const first = lines[0]!;
    const due = replacing.length > 0 && leastDisallowedUsd(replacing, lines) >= CENT / 2;
    f.expect(!due || total > 0, first.pair.facts.id, 'wash.disallowedMissing', () => {
      return `forced loss sale of lot ${first.line.lot} (wash set bought in the last 30 days) reports no washSaleDisallowed`;
    });
  }
  for (const pair of pairs) {
    for (const trade of pair.proposal.trades) {
      if (trade.side !== 'buy') continue;
      const key = washKey(facts, trade.security);
      f.expect(!lossSold.has(key), pair.facts.id, 'wash.buyAfterRecentLoss', () => {
        return `buys ${trade.security}; its wash set was sold at a loss in a taxable account in the last 30 days`;
      });
      f.expect(!proposalLoss.has(key), pair.facts.id, 'wash.buyWithLossSale', () => {
        return `buys ${trade.security}; its wash set is sold at a loss in a taxable account in this proposal`;
      });
    }
  }
  return f.list;
};
