/**
 * One arm of a backtest as it runs: each account's cash and lots, the trades of the last weeks
 * (the wash-sale rules need them), the year's ledger transactions, and the year's tallies.
 * Lots are float64 while the year runs (the engine's view); at each year end the ledger's exact
 * replay replaces them (src/backtest/settle-year.ts), so tax figures come from the ledger alone.
 */
import type { HeldLot, OpeningLot, RecentTrade, TradeTransaction } from '../domain/index.js';
import type { ScenarioAccount } from './scenario.js';

/** One account of an arm. */
export interface ArmAccount {
  id: string;
  taxStatus: 'taxable' | 'deferred';
  model: string;
  cashUsd: number;
  lots: HeldLot[];
  /** Shares held per security (sum of lots), for daily valuation. */
  positions: Map<string, number>;
  /** Fills of the last 45 days (a margin over the 30-day window). */
  recent: RecentTrade[];
}

/** Running tallies of one calendar year. */
export interface YearTally {
  buysUsd: number;
  sellsUsd: number;
  tradingCostUsd: number;
  engineCalls: number;
  rebalances: number;
  /** Σ value over simulated days and the count, for the year's mean value. */
  valueSumUsd: number;
  days: number;
  /** Security-calls barred by the wash-sale rule while underweight. */
  washAvoided: number;
  /** Losses sold in taxable accounts so far this year, by the engine's lot lines (the ledger's
   * figure replaces it when the year is settled); for the daily chart. */
  harvestedLossUsd: number;
}

/** An arm: harvesting on or off, everything else shared. */
export interface ArmState {
  harvest: boolean;
  accounts: ArmAccount[];
  /** The ledger's view at the start of the year, and the year's transactions so far. */
  opening: OpeningLot[];
  transactions: TradeTransaction[];
  tally: YearTally;
  /** Tax of the last settled year not yet paid (negative: a refund not yet received). */
  taxDueUsd: number;
  /** Lot id sequence, so every buy names a fresh lot. */
  nextLot: number;
}

/** A fresh tally. */
export function emptyTally(): YearTally {
  return {
    buysUsd: 0,
    sellsUsd: 0,
    tradingCostUsd: 0,
    engineCalls: 0,
    rebalances: 0,
    valueSumUsd: 0,
    days: 0,
    washAvoided: 0,
    harvestedLossUsd: 0,
  };
}

/** An arm holding cash only. */
export function newArm(
  harvest: boolean,
  accounts: readonly ScenarioAccount[],
  initialValueUsd: number,
): ArmState {
  return {
    harvest,
    accounts: accounts.map((a) => ({
      id: a.id,
      taxStatus: a.taxStatus,
      model: a.model,
      cashUsd: initialValueUsd * a.initialFraction,
      lots: [],
      positions: new Map(),
      recent: [],
    })),
    opening: [],
    transactions: [],
    tally: emptyTally(),
    taxDueUsd: 0,
    nextLot: 1,
  };
}

/** Value of an account at the given prices (security id → price). */
export function accountValueUsd(account: ArmAccount, price: (id: string) => number): number {
  let value = account.cashUsd;
  for (const [id, quantity] of account.positions) value += quantity * price(id);
  return value;
}
