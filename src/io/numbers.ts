/**
 * Number fields. Every number is finite (zod 4 rejects NaN and ±Infinity); each schema states
 * its range in its messages, e.g. `expected a number greater than 0, found -5`.
 */
import { z } from 'zod';
import { expecting } from './describe-input.js';

/** Any finite number. */
export const FiniteNumberSchema = z.number({ error: expecting('a finite number') });

/** A number > 0: quantities, prices, ratios. */
export const PositiveNumberSchema = z.number({ error: expecting('a number greater than 0') }).gt(0);

/** A number ≥ 0: fees, proceeds, variances, limits. */
export const NonNegativeNumberSchema = z.number({ error: expecting('a number at least 0') }).min(0);

/** A number ≤ 0: losses. */
export const NonPositiveNumberSchema = z.number({ error: expecting('a number at most 0') }).max(0);

/** A fraction in [0, 1]: weights and rates (`0.05` is 5%). */
export const FractionSchema = z
  .number({ error: expecting('a fraction from 0 to 1 (0.05 is 5%)') })
  .min(0)
  .max(1);
