/**
 * The money side of the summary (spec Definitions, "Value", "Realized", "Money"): V, cash before
 * and after, realized gains and the estimated tax, every amount from exact decimals rounded once
 * to the cent; summary amounts are sums of the rounded trade and lot lines.
 */
import type { PortfolioSnapshot, RealizedSummary } from '../../domain/index.js';
import { cents, exact } from '../../tax/index.js';
import type { AccountContext, HouseholdContext } from '../context/index.js';
import { estimatedTaxUsd } from '../costs/index.js';
import { ExactSum, type RealizedTotals } from '../trades/index.js';
import type { RiskFigures } from './risk-figures.js';

/** V = cash + Σ quantity × price, exactly. */
export function exactValue(ctx: HouseholdContext, acc: AccountContext): ExactSum {
  const value = ExactSum.of(acc.cashUsd);
  for (const lot of acc.lots) {
    value.addProduct(lot.quantity, ctx.securities[lot.security]!.priceUsd);
  }
  return value;
}

/** The before snapshot: V (exactly, from {@link exactValue}), cash, and the risk figures over V. */
export function beforeSnapshot(
  acc: AccountContext,
  value: ExactSum,
  risk: RiskFigures,
): PortfolioSnapshot {
  return {
    value: value.cents(),
    cash: ExactSum.of(acc.cashUsd).cents(),
    trackingError: risk.trackingError,
    maxDrift: risk.maxDrift,
  };
}

/** The after snapshot: V − W, after.cash, and the risk figures of the discrete holdings. */
export function afterSnapshot(
  acc: AccountContext,
  value: ExactSum,
  cashAfter: ExactSum,
  risk: RiskFigures,
): PortfolioSnapshot {
  return {
    value: value.clone().minus(acc.withdrawalUsd).cents(),
    cash: cashAfter.cents(),
    trackingError: risk.trackingError,
    maxDrift: risk.maxDrift,
  };
}

/** Realized figures to the cent, and estimatedTax from the one tax formula (src/rebalance/costs). */
export function realizedSummary(
  ctx: HouseholdContext,
  totals: RealizedTotals,
): { realized: RealizedSummary; estimatedTax: number } {
  const rates = { shortTermRate: ctx.shortTermRate, longTermRate: ctx.longTermRate };
  const shortTerm = totals.shortTerm.cents();
  const longTerm = totals.longTerm.cents();
  const tax = estimatedTaxUsd(shortTerm, longTerm, rates);
  return {
    realized: { shortTerm, longTerm, washSaleDisallowed: totals.washSaleDisallowed.cents() },
    // Rates × cents is a float product; it is read back as exact text and rounded once.
    estimatedTax: cents(exact(tax)),
  };
}
