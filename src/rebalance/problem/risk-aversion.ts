/** The risk aversion λ that weighs tracking-error variance against tax and trading costs. */
import type { HouseholdContext } from '../context/index.js';

/** Default risk aversion λ on annualised TE² (docs/optimization.md §6). */
export const DEFAULT_RISK_AVERSION = 50;

/** λ of an account: `settings.risk.riskAversion` (an added field) or the default. */
export function accountRiskAversion(ctx: HouseholdContext, account: number): number {
  return ctx.request.accounts[account]?.settings?.risk?.riskAversion ?? DEFAULT_RISK_AVERSION;
}
