/**
 * Account settings with the spec's defaults (Definitions, "Defaults"): allowFractional false,
 * mode "full", harvestLosses false, minHarvest 0, cash.min 0; absent limits mean no limit.
 * Held-away accounts are never traded, so their settings are ignored (with a warning).
 */
import type { AccountSettings, RebalanceAccount } from '../../domain/index.js';
import type { ResolvedSettings } from './types.js';

/** The settings an account is run with, and why they differ from the request's. */
export interface EffectiveSettings {
  settings: AccountSettings;
  warnings: string[];
}

/** `tradable` defaults to true; false means held away. */
export function isTradable(account: RebalanceAccount): boolean {
  return account.tradable !== false;
}

/**
 * The request's settings of a tradable account; none for a held-away one, warning when it had
 * some (an empty `settings` object sets nothing, so it draws no warning).
 */
export function effectiveSettings(account: RebalanceAccount): EffectiveSettings {
  const given = account.settings ?? {};
  if (isTradable(account)) return { settings: given, warnings: [] };
  const warnings =
    Object.keys(given).length > 0
      ? [`settings on held-away account ${account.id} are ignored`]
      : [];
  return { settings: {}, warnings };
}

/**
 * Settings with defaults applied. `benchmarkCashShare` (1 − Σ benchmark weights) is the cash
 * target when `cash.target` is absent (spec Definitions, "Drift": "The cash target, when not
 * given, is the benchmark's cash share").
 */
export function resolveSettings(
  settings: AccountSettings,
  benchmarkCashShare: number,
): ResolvedSettings {
  const { tax, risk, trading, drift, cash } = settings;
  return {
    harvestLosses: tax?.harvestLosses ?? false,
    minHarvestUsd: tax?.minHarvest ?? 0,
    avoidShortTermGains: tax?.avoidShortTermGains ?? false,
    maxTrackingError: risk?.maxTrackingError,
    maxTurnover: trading?.maxTurnover,
    minTradeValueUsd: trading?.minTradeValue,
    allowFractional: trading?.allowFractional ?? false,
    mode: trading?.mode ?? 'full',
    driftThreshold: drift?.threshold,
    cashTargetWeight: cash?.target ?? benchmarkCashShare,
    cashMinWeight: cash?.min ?? 0,
  };
}
