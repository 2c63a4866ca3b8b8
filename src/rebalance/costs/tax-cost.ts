/**
 * The tax expression, in one place: the optimizer's per-lot cost coefficients and the reported
 * `estimatedTax` both come from here.
 *
 * estimatedTax = r_ST × net short-term + r_LT × net long-term          (spec Definitions)
 *
 * In the optimization a lot l of a taxable account sold for value v_l costs
 * r_term(l) × (g_l / V_l) × v_l, where g_l / V_l is the lot's gain per unit of value sold
 * (negative for a loss: a saving). Deferred and exempt accounts pay nothing. Valuing each loss
 * at the rate of its own term is the linearisation: netting across terms would make the tax a
 * piecewise-linear, non-convex function of the sales (docs/optimization.md).
 */
import type { TaxStatus, Term } from '../../domain/index.js';

/** The household's marginal rates on realized gains. */
export interface TaxRates {
  shortTermRate: number;
  longTermRate: number;
}

/** The marginal rate of a realized gain of this term. */
export function taxRate(term: Term, rates: TaxRates): number {
  return term === 'short' ? rates.shortTermRate : rates.longTermRate;
}

/** r_ST × shortTerm + r_LT × longTerm: negative when losses save tax. */
export function estimatedTaxUsd(
  shortTermUsd: number,
  longTermUsd: number,
  rates: TaxRates,
): number {
  return rates.shortTermRate * shortTermUsd + rates.longTermRate * longTermUsd;
}

/**
 * Tax per unit of value sold from a lot: r_term × gain / value; 0 outside taxable accounts.
 * `countLoss` false values a loss at 0 (loss harvesting off, or the loss is below minHarvest),
 * so losses are realized only where the rebalance wants the sale anyway.
 */
export function taxPerValueSold(
  lot: { gainUsd: number; valueUsd: number; term: Term },
  taxStatus: TaxStatus,
  rates: TaxRates,
  countLoss: boolean,
): number {
  if (taxStatus !== 'taxable' || lot.valueUsd <= 0) return 0;
  if (lot.gainUsd < 0 && !countLoss) return 0;
  return (taxRate(lot.term, rates) * lot.gainUsd) / lot.valueUsd;
}
