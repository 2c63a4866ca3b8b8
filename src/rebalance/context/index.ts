/** The household context: the request resolved once for the formulation, rounding and report. */
export { buildHouseholdContext } from './build-context.js';
export type * from './types.js';
