/** The household context: the request resolved once for the formulation, rounding and report. */
export { buildHouseholdContext } from './build-context.js';
export { householdDriftBefore } from './drift-before.js';
export { hasBuyFill, isLossSale, windowBuyQuantity } from './recent-wash.js';
export type * from './types.js';
