/**
 * Limits that bind the household as a whole (spec §1): gain budgets always, and in household mode
 * also `maxTrackingError` and the drift threshold. Each is the strictest (smallest) value set on
 * any tradable account; every tradable account that set the setting is recorded, since a
 * relaxation of the household limit is reported on each of them.
 */
import type { AccountSettings } from '../../domain/index.js';
import type { HouseholdContext, HouseholdLimit } from './types.js';

/** An account as the limits see it: its effective settings and whether it trades. */
export interface LimitSource {
  tradable: boolean;
  settings: AccountSettings;
}

/** The household-wide limits of a HouseholdContext. */
export type HouseholdLimits = Pick<
  HouseholdContext,
  'gainBudget' | 'householdMaxTrackingError' | 'householdDriftThreshold'
>;

/** The smallest value `pick` finds on a tradable account, and the accounts that set one. */
export function strictestLimit(
  accounts: readonly LimitSource[],
  pick: (settings: AccountSettings) => number | undefined,
): HouseholdLimit | undefined {
  let limit = Infinity;
  const setBy: number[] = [];
  accounts.forEach((account, index) => {
    const value = account.tradable ? pick(account.settings) : undefined;
    if (value === undefined) return;
    limit = Math.min(limit, value);
    setBy.push(index);
  });
  return setBy.length > 0 ? { limit, accounts: setBy } : undefined;
}

/** Every household-wide limit; the tracking-error and drift limits only in household mode. */
export function householdLimits(
  accounts: readonly LimitSource[],
  householdMode: boolean,
): HouseholdLimits {
  const strictest = (pick: (settings: AccountSettings) => number | undefined) =>
    strictestLimit(accounts, pick);
  return {
    gainBudget: {
      shortTerm: strictest((s) => s.tax?.gainBudget?.shortTerm),
      longTerm: strictest((s) => s.tax?.gainBudget?.longTerm),
      total: strictest((s) => s.tax?.gainBudget?.total),
    },
    householdMaxTrackingError: householdMode
      ? strictest((s) => s.risk?.maxTrackingError)
      : undefined,
    householdDriftThreshold: householdMode ? strictest((s) => s.drift?.threshold) : undefined,
  };
}
