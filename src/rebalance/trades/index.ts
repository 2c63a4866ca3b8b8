/**
 * From the continuous optimum to tradable trades: rounding to lot sizes, the repair steps, lot
 * lines with wash-sale figures, and the reasons of each trade.
 */
export { discretizeHousehold } from './discretize.js';
export {
  cashAfter,
  cashAfterSum,
  discreteTurnover,
  sideValues,
  soldPerSecurity,
  type DiscretePlan,
} from './discrete-plan.js';
export { householdLotLines, lotLine } from './lot-lines.js';
export { proposedTrades } from './proposed-trades.js';
export { addRealized, budgetFigure, noRealized, type RealizedTotals } from './realized.js';
export { tradeValue } from './quantities.js';
export { ExactSum } from './money.js';
