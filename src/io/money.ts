/**
 * Amounts in the account's currency. JSON numbers at the edge; the engine reads each as an exact
 * decimal from its shortest round-trip text.
 */
import {
  FiniteNumberSchema,
  NonNegativeNumberSchema,
  NonPositiveNumberSchema,
  PositiveNumberSchema,
} from './numbers.js';

/** A signed amount: gains, budgets, cash balances. */
export const AmountSchema = FiniteNumberSchema;

/** An amount ≥ 0: fees, proceeds, cost bases, withdrawals. */
export const NonNegativeAmountSchema = NonNegativeNumberSchema;

/** An amount ≤ 0: realized losses. */
export const NonPositiveAmountSchema = NonPositiveNumberSchema;

/** A price per share, > 0. */
export const PriceSchema = PositiveNumberSchema;
