/**
 * The money side of the summary (spec Definitions, "Value", "Realized", "Money"): V, cash before
 * and after, realized gains and the estimated tax, every amount from exact decimals rounded once
 * to the cent; summary amounts are sums of the rounded trade and lot lines.
 */
import type { PortfolioSnapshot, RealizedSummary } from '../../domain/index.js';
import { cents, exact, type Exact } from '../../tax/index.js';
import type { AccountContext, HouseholdContext } from '../context/index.js';
import { estimatedTaxUsd } from '../costs/index.js';
import type { RealizedTotals } from '../trades/index.js';
import type { RiskFigures } from './risk-figures.js';

/** V = cash + Σ quantity × price, exactly. */
export function exactValue(ctx: HouseholdContext, acc: AccountContext): Exact {
  let value = exact(acc.cashUsd);
  for (const lot of acc.lots) {
    value = value.plus(exact(lot.quantity).times(exact(ctx.securities[lot.security]!.priceUsd)));
  }
  return value;
}

/** The before snapshot: V, cash, and the risk figures over V. */
export function beforeSnapshot(
  ctx: HouseholdContext,
  acc: AccountContext,
  risk: RiskFigures,
): PortfolioSnapshot {
  return {
    value: cents(exactValue(ctx, acc)),
    cash: cents(exact(acc.cashUsd)),
    trackingError: risk.trackingError,
    maxDrift: risk.maxDrift,
  };
}

/** The after snapshot: V − W, after.cash, and the risk figures of the discrete holdings. */
export function afterSnapshot(
  ctx: HouseholdContext,
  acc: AccountContext,
  cashAfter: Exact,
  risk: RiskFigures,
): PortfolioSnapshot {
  return {
    value: cents(exactValue(ctx, acc).minus(exact(acc.withdrawalUsd))),
    cash: cents(cashAfter),
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
  const shortTerm = cents(totals.shortTerm);
  const longTerm = cents(totals.longTerm);
  const tax = estimatedTaxUsd(shortTerm, longTerm, rates);
  return {
    realized: { shortTerm, longTerm, washSaleDisallowed: cents(totals.washSaleDisallowed) },
    // Rates × cents is a float product; it is read back as exact text and rounded once.
    estimatedTax: cents(exact(tax)),
  };
}
