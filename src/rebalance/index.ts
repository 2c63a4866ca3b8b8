/** The household rebalance (spec §1–2). */
export { rebalance, type RebalanceOptions } from './rebalance.js';
export { DEFAULT_SPREAD, estimatedTaxUsd, type TaxRates } from './costs/index.js';
export { householdDriftBefore, isLossSale } from './context/index.js';
