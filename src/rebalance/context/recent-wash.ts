/**
 * The last 30 days of fills, household-wide (spec "Wash-sale rules in a proposal"): which wash
 * sets may not be bought now, and which were bought so that a loss sale now would be a wash sale.
 * Every account counts, held-away, deferred and exempt included; only taxable losses block buys.
 */
import type { RebalanceAccount, RecentTrade } from '../../domain/index.js';
import { isTaxable } from '../../domain/index.js';
import { toDay, WASH_WINDOW_DAYS, type Day } from '../../tax/index.js';
import { indexOfSecurity } from './security-facts.js';
import type { RecentWashBlocks, SecurityFacts } from './types.js';

/** The blocks and, per account (request order), the warnings about its wash-sale history. */
export interface RecentWash {
  wash: RecentWashBlocks;
  warnings: string[][];
}

/** The 30 calendar days before `asOf`, and `asOf` itself. */
export function inWashWindow(date: string, asOf: Day): boolean {
  const day = toDay(date);
  return day >= asOf - WASH_WINDOW_DAYS && day <= asOf;
}

/**
 * A sell counts as a loss when any lot it relieved lost (`realizedLoss` < 0: the wash-sale rule is
 * per lot, so a larger gain on other lots does not hide it), or when it reports no net gain of
 * zero or more (`realizedGain` absent or < 0).
 */
export function isLossSale(trade: RecentTrade): boolean {
  if (trade.side !== 'sell') return false;
  if (trade.realizedLoss !== undefined && trade.realizedLoss < 0) return true;
  return trade.realizedGain === undefined || trade.realizedGain < 0;
}

/** Wash blocks from every account's recent trades, and warnings for lots missing their buy. */
export function collectRecentWash(
  accounts: readonly RebalanceAccount[],
  securities: readonly SecurityFacts[],
  securityIndex: ReadonlyMap<string, number>,
  asOf: Day,
): RecentWash {
  const wash: RecentWashBlocks = { buyBlocked: new Set(), recentlyBought: new Map() };
  const washSetOf = (id: string) => securities[indexOfSecurity(securityIndex, id)]!.washSet;
  for (const account of accounts) {
    for (const trade of account.recentTrades) {
      if (!inWashWindow(trade.date, asOf)) continue;
      const set = washSetOf(trade.security);
      if (trade.side === 'buy') {
        wash.recentlyBought.set(set, (wash.recentlyBought.get(set) ?? 0) + trade.quantity);
      } else if (isTaxable(account.taxStatus) && isLossSale(trade)) {
        wash.buyBlocked.add(set);
      }
    }
  }
  return { wash, warnings: accounts.map((account) => missingBuyWarnings(account, asOf)) };
}

/**
 * A lot acquired in the window needs its buy in `recentTrades` (same security and date), or the
 * wash-sale rules cannot see the purchase: the spec makes that a warning, not an error.
 */
export function missingBuyWarnings(account: RebalanceAccount, asOf: Day): string[] {
  const warnings: string[] = [];
  for (const lot of account.lots) {
    if (inWashWindow(lot.acquired, asOf) && !hasBuyFill(account, lot.security, lot.acquired)) {
      warnings.push(
        `account ${account.id}: lot ${lot.id} (${lot.security}) was acquired on ${lot.acquired}, ` +
          `within the last ${WASH_WINDOW_DAYS} days, but recentTrades lists no buy of ` +
          `${lot.security} on that date; add the fill to the account's recentTrades so the ` +
          `wash-sale rules can see it`,
      );
    }
  }
  return warnings;
}

/**
 * Shares of `security` the account bought within the wash window before `asOf`: what its fills
 * put into the household's pool of recent buys (`recentlyBought`).
 */
export function windowBuyQuantity(account: RebalanceAccount, security: string, asOf: Day): number {
  let total = 0;
  for (const t of account.recentTrades) {
    if (t.side === 'buy' && t.security === security && inWashWindow(t.date, asOf)) {
      total += t.quantity;
    }
  }
  return total;
}

/**
 * Whether `recentTrades` holds a buy of `security` on `date` (a lot's purchase): only such
 * purchases are in the household's pool of recent buys (`recentlyBought`).
 */
export function hasBuyFill(account: RebalanceAccount, security: string, date: string): boolean {
  return account.recentTrades.some(
    (t) => t.side === 'buy' && t.security === security && t.date === date,
  );
}
