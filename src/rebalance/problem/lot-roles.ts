/**
 * What the rules allow for each lot and account before any optimization: which sales are
 * forced, frozen, allowed only when a forced need calls for them, or count as harvests; and
 * the cash figures the trading modes and the drift trigger cap trades with.
 */
import type { AccountContext, HouseholdContext, LotFacts } from '../context/index.js';

/** How a lot may be sold. */
export type LotRole =
  /** noHold: sold in full. */
  | 'forced'
  /** noSell: never sold. */
  | 'frozen'
  /**
   * Sold only if the cash need cannot be met otherwise: a loss lot whose wash set was bought in
   * the last 30 days (a taxable account), or a short-term gain lot about to turn long-term
   * under avoidShortTermGains.
   */
  | 'lastResort'
  /** A loss of at least minHarvest in a taxable account with harvesting on. */
  | 'harvest'
  /** Any other lot. */
  | 'free';

/** Why a lot is a last resort (explanations, warnings and the wash-sale figure). */
export type LastResortWhy = 'washSale' | 'shortTermGain';

/** Cash figures of an account, in currency. */
export interface AccountCash {
  /** Σ value of forced (noHold) sales. */
  forcedProceedsUsd: number;
  /** What other sales must raise: max(0, W + cash need − cash − forced proceeds). */
  shortfallUsd: number;
  /** Cash above the cash target after forced sales: what cashOnly and the drift trigger invest. */
  excessCashUsd: number;
}

/** Classifies one lot of an account. */
export function lotRole(
  lot: LotFacts,
  account: AccountContext,
  household: HouseholdContext,
): { role: LotRole; why?: LastResortWhy } {
  const { rules, settings, taxStatus } = account;
  if (rules.noSell[lot.security] === 1) return { role: 'frozen' };
  if (rules.noHold[lot.security] === 1) return { role: 'forced' };
  const taxable = taxStatus === 'taxable';
  const washSet = household.securities[lot.security]?.washSet ?? '';
  if (taxable && lot.gainUsd < 0 && household.wash.recentlyBought.has(washSet)) {
    return { role: 'lastResort', why: 'washSale' };
  }
  // Literal spec: the rule names no tax status, so it holds in every account that sets it.
  if (settings.avoidShortTermGains && lot.turnsLongSoon && lot.gainUsd > 0) {
    return { role: 'lastResort', why: 'shortTermGain' };
  }
  if (taxable && settings.harvestLosses && -lot.gainUsd >= Math.max(settings.minHarvestUsd, 0.01)) {
    return { role: 'harvest' };
  }
  return { role: 'free' };
}

/** The cash figures of an account given its lots' roles. */
export function accountCash(account: AccountContext, roles: readonly LotRole[]): AccountCash {
  let forced = 0;
  for (let i = 0; i < account.lots.length; i++) {
    if (roles[i] === 'forced') forced += account.lots[i]!.valueUsd;
  }
  const shortfall = account.withdrawalUsd + account.cashNeedUsd - account.cashUsd - forced;
  const target = account.settings.cashTargetWeight * account.afterValueUsd;
  const excess = account.cashUsd - account.withdrawalUsd + forced - target;
  return {
    forcedProceedsUsd: forced,
    shortfallUsd: Math.max(0, shortfall),
    excessCashUsd: Math.max(0, excess),
  };
}
