export { estimatedTaxUsd, taxPerValueSold, taxRate, type TaxRates } from './tax-cost.js';
export { CASH_EQUIVALENT_SPREAD, DEFAULT_SPREAD, spreadPerValue } from './trading-cost.js';
