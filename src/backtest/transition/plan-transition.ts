/**
 * `planTransition`: how a legacy household would move to its models over several years under
 * each of several annual gain budgets. Every year is one ordinary rebalance (the engine decides
 * what to sell, honouring the budget); its trades are booked into the household, and the next
 * year starts a calendar year later from the result, with lots a year older (short-term lots turn
 * long-term) and no recent trades (a year-old fill is outside the 30-day wash-sale window).
 * Prices stay the request's: the plan is a schedule under today's prices, to be re-planned as
 * prices move.
 */
import type { RebalanceRequest } from '../../domain/index.js';
import { rebalance } from '../../rebalance/index.js';
import { applyProposal } from './apply-proposal.js';
import { addYears } from './calendar.js';
import type {
  BudgetPlan,
  TransitionOptions,
  TransitionPlan,
  TransitionProgress,
  TransitionStart,
  TransitionYear,
} from './types.js';
import { withGainBudget } from './with-budget.js';
import { startFigures, sumCents, yearFigures } from './year-figures.js';

/** The household a year on: the next `asOf`, and no fill within the wash-sale window. */
function nextYear(request: RebalanceRequest, asOf: string): RebalanceRequest {
  return { ...request, asOf, accounts: request.accounts.map((a) => ({ ...a, recentTrades: [] })) };
}

/** One budget's schedule; `onYear` hears of each year as it is planned. */
function planBudget(
  request: RebalanceRequest,
  budgetUsd: number | null,
  options: TransitionOptions,
  onYear: (year: TransitionYear, start: TransitionStart | undefined) => void,
): BudgetPlan {
  let current = withGainBudget(request, budgetUsd);
  const years: TransitionYear[] = [];
  for (let year = 1; year <= options.years; year++) {
    const response = rebalance(current, { explain: false });
    const figures = yearFigures(year, current, response, options.targetTrackingError);
    years.push(figures);
    onYear(figures, year === 1 ? startFigures(current, response) : undefined);
    if (figures.converged) break;
    current = nextYear(applyProposal(current, response), addYears(request.asOf, year));
  }
  const converged = years.find((y) => y.converged);
  return {
    budgetUsd,
    yearsToConverge: converged ? converged.year : null,
    totalTaxUsd: sumCents(years.map((y) => y.estimatedTaxUsd)),
    totalRealizedShortTermUsd: sumCents(years.map((y) => y.realizedShortTermUsd)),
    totalRealizedLongTermUsd: sumCents(years.map((y) => y.realizedLongTermUsd)),
    years,
  };
}

/**
 * Plans the household's transition under each annual budget of `options.budgetsUsd` (null =
 * unlimited), at most `options.years` yearly steps each, stopping a budget in the first year
 * after whose trades every tradable account's tracking error is within
 * `options.targetTrackingError`. Pure and deterministic; `onProgress` is called after each year.
 *
 * @example
 * const plan = planTransition(request, { budgetsUsd: [0, 50_000, null], years: 10, targetTrackingError: 0.005 });
 * plan.budgets.map((b) => b.yearsToConverge); // e.g. [null, 6, 1]
 */
export function planTransition(
  request: RebalanceRequest,
  options: TransitionOptions,
  onProgress?: (progress: TransitionProgress) => void,
): TransitionPlan {
  if (!Number.isInteger(options.years) || options.years < 1) {
    throw new RangeError(`years must be a whole number ≥ 1, found ${options.years}`);
  }
  let before: TransitionStart | undefined;
  const budgets = options.budgetsUsd.map((budgetUsd, budgetIndex) =>
    planBudget(request, budgetUsd, options, (year, start) => {
      // Year 1 starts from the request itself, so its before-figures are the same for all budgets.
      before ??= start;
      onProgress?.({
        budgetUsd,
        budgetIndex,
        budgets: options.budgetsUsd.length,
        year,
        years: options.years,
      });
    }),
  );
  return {
    householdId: request.household.id,
    asOf: request.asOf,
    years: options.years,
    targetTrackingError: options.targetTrackingError,
    pricesHeld: true,
    before: before ?? { valueUsd: 0, trackingError: 0, maxDrift: 0 },
    budgets,
  };
}
