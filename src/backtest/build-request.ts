/**
 * The household's rebalance request on one day of a backtest: the day's prices, the models
 * from the day's prices, the year's risk model, each account's lots, cash and recent trades,
 * and the settings of the story. The harvest arm and the no-harvest arm differ only in
 * `tax.harvestLosses`. A scan (a daily harvest check) sets a drift threshold no weight can
 * reach, so the engine makes only harvests, their replacements and cash investments.
 */
import type { AccountSettings, RebalanceRequest, RiskModel, Security } from '../domain/index.js';
import type { ArmState } from './arm-state.js';
import type { BacktestConfig } from './result.js';

/** Cash the model leaves uninvested, so fills' spreads and rounding never overdraw. */
export const CASH_TARGET = 0.0025;
/** Trades below this value are not worth a ticket (USD). */
const MIN_TRADE_USD = 25;
/** Fills older than this leave the request (the rules look back 30 days). */
const RECENT_DAYS = 45;

/** What the day's call is for. */
export interface CallKind {
  /** Harvest-only scan rather than a full rebalance. */
  scan: boolean;
  /** Cash each account must release (USD): tax due, a withdrawal. */
  withdrawalUsd: Map<string, number>;
}

function daysBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000;
}

/** Drops fills older than the look-back from every account. */
export function forgetOldTrades(arm: ArmState, date: string): void {
  for (const account of arm.accounts) {
    account.recent = account.recent.filter((r) => daysBetween(r.date, date) <= RECENT_DAYS);
  }
}

/** The request for `arm` on `date`. */
export function buildRequest(
  arm: ArmState,
  config: BacktestConfig,
  date: string,
  prices: Security[],
  riskModel: RiskModel,
  modelsToday: RebalanceRequest['models'],
  kind: CallKind,
): RebalanceRequest {
  return {
    asOf: date,
    securities: prices,
    models: modelsToday,
    riskModel,
    household: {
      id: 'backtest',
      shortTermRate: config.shortTermRate,
      longTermRate: config.longTermRate,
    },
    accounts: arm.accounts.map((account) => {
      const withdrawal = kind.withdrawalUsd.get(account.id) ?? 0;
      const settings: AccountSettings = {
        cash: { target: CASH_TARGET, min: 0, ...(withdrawal > 0 ? { withdrawal } : {}) },
        tax: { harvestLosses: arm.harvest, minHarvest: config.minHarvestUsd },
        risk: { riskAversion: config.riskAversion },
        trading: { allowFractional: config.fractional, minTradeValue: MIN_TRADE_USD },
        ...(kind.scan ? { drift: { threshold: 1 } } : {}),
      };
      return {
        id: account.id,
        taxStatus: account.taxStatus,
        model: account.model,
        cash: Math.round(account.cashUsd * 100) / 100,
        lots: account.lots.map((l) => ({ ...l })),
        recentTrades: account.recent,
        settings,
      };
    }),
  };
}
