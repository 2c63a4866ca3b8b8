/**
 * The shapes of a transition plan: a legacy household stepped towards its models one year at a
 * time, under each of several annual gain budgets, at today's prices. Amounts are USD (the
 * request's currency), rates and tracking errors fractions (0.005 = 0.5%).
 */
import type { AccountStatus, Relaxation } from '../../domain/index.js';

/** What to plan. */
export interface TransitionOptions {
  /** Annual caps on net realized gains across the taxable accounts, USD; null = unlimited. */
  budgetsUsd: (number | null)[];
  /** At most this many yearly steps (≥ 1). */
  years: number;
  /** Converged once every tradable account's tracking error after trading is at most this. */
  targetTrackingError: number;
}

/** One tradable account's figures after one year's trades. */
export interface TransitionAccountYear {
  id: string;
  status: AccountStatus;
  valueAfterUsd: number;
  trackingErrorAfter: number;
  maxDriftAfter: number;
  /** Settings that gave way that year (a gain budget a forced sale broke, say). */
  relaxed: Relaxation[];
}

/** One year of one budget: that year's rebalance, summed over the household. */
export interface TransitionYear {
  /** 1 for the request's `asOf`, 2 a calendar year later, and so on. */
  year: number;
  asOf: string;
  trades: number;
  buysUsd: number;
  sellsUsd: number;
  /** Net realized gains of the taxable accounts (the engine's `summary.realized`). */
  realizedShortTermUsd: number;
  realizedLongTermUsd: number;
  /** The engine's `summary.estimatedTax`, summed over the accounts. */
  estimatedTaxUsd: number;
  /** Tracking error after trading, weighted by each tradable account's value after trading. */
  trackingErrorAfter: number;
  /** The largest drift after trading of any tradable account. */
  maxDriftAfter: number;
  /** Every tradable account's tracking error after trading is within the target. */
  converged: boolean;
  /** The tradable accounts one by one (households with several accounts). */
  accounts: TransitionAccountYear[];
}

/** The schedule under one annual budget. */
export interface BudgetPlan {
  /** Annual cap on net realized gains, USD; null = unlimited. */
  budgetUsd: number | null;
  /** The first year after whose trades the household is within the target, or null. */
  yearsToConverge: number | null;
  totalTaxUsd: number;
  totalRealizedShortTermUsd: number;
  totalRealizedLongTermUsd: number;
  /** The years stepped: up to convergence, or every year when it does not converge. */
  years: TransitionYear[];
}

/** The household before its first year's trades (the same under every budget). */
export interface TransitionStart {
  valueUsd: number;
  /** Weighted by each tradable account's value before trading. */
  trackingError: number;
  maxDrift: number;
}

/** The whole plan: one schedule per budget, in the order the budgets were given. */
export interface TransitionPlan {
  householdId: string;
  /** The request's `asOf`: year 1. */
  asOf: string;
  /** The most years stepped per budget. */
  years: number;
  targetTrackingError: number;
  /** Always true: every year is priced at the request's prices (re-plan as prices move). */
  pricesHeld: true;
  before: TransitionStart;
  budgets: BudgetPlan[];
}

/** Reported after each year of each budget (progress for people). */
export interface TransitionProgress {
  budgetUsd: number | null;
  /** 0-based position of the budget in the options. */
  budgetIndex: number;
  budgets: number;
  year: TransitionYear;
  years: number;
}
