/**
 * Every limit the final discrete proposal exceeds (spec §2: "Any limit exceeded, for whatever
 * reason, is named"), in the spec's order of giving way: turnover, tracking error, gain budget,
 * minimum trade size. Household-wide limits (gain budgets; in household mode tracking error) are
 * reported on every tradable account that set them.
 */
import type { Relaxation } from '../../domain/index.js';
import type { HouseholdContext, HouseholdLimit } from '../context/index.js';
import { budgetFigure, type RealizedTotals } from '../trades/index.js';

/** Ratios: a limit counts as exceeded beyond float noise only. */
const RATIO_EPS = 1e-10;

/** The figures of one account the relaxations compare with its limits. */
export interface LimitFigures {
  account: number;
  turnover: number;
  trackingErrorAfter: number;
  /** Household net realized of taxable accounts (after disallowances). */
  household: RealizedTotals;
  /** Relaxations found while rounding (trading.minTradeValue). */
  rounding: readonly Relaxation[];
}

/** The relaxations of one tradable, error-free account. */
export function relaxationsOf(ctx: HouseholdContext, f: LimitFigures): Relaxation[] {
  const acc = ctx.accounts[f.account]!;
  const out: Relaxation[] = [];
  const { maxTurnover } = acc.settings;
  if (maxTurnover !== undefined && f.turnover > maxTurnover + RATIO_EPS) {
    out.push({ setting: 'trading.maxTurnover', limit: maxTurnover, actual: f.turnover });
  }
  const te = ctx.householdMode
    ? setBy(ctx.householdMaxTrackingError, f.account)
    : acc.settings.maxTrackingError;
  if (te !== undefined && f.trackingErrorAfter > te + RATIO_EPS) {
    out.push({ setting: 'risk.maxTrackingError', limit: te, actual: f.trackingErrorAfter });
  }
  for (const key of ['shortTerm', 'longTerm', 'total'] as const) {
    const limit = setBy(ctx.gainBudget[key], f.account);
    const actual = budgetFigure(f.household, key).cents();
    if (limit !== undefined && actual > limit) {
      out.push({ setting: `tax.gainBudget.${key}`, limit, actual });
    }
  }
  return [...out, ...f.rounding];
}

/** The household limit when `account` is one of those that set it. */
function setBy(limit: HouseholdLimit | undefined, account: number): number | undefined {
  return limit !== undefined && limit.accounts.includes(account) ? limit.limit : undefined;
}
