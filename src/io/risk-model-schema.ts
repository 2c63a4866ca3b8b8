import { z } from 'zod';
import type { Problem } from '../domain/problem.js';
import type { Rule } from './cross-check.js';
import { withRules } from './cross-check.js';
import { IdSchema } from './id.js';
import { FiniteNumberSchema, NonNegativeNumberSchema } from './numbers.js';
import { field, isRecord } from './unknown-reader.js';
import { strictObject } from './strict-object.js';

/** Exposure rows have one entry per factor; the factor covariance is k × k. */
const dimensionsRule: Rule = (riskModel) => {
  const factors = field(riskModel, 'factors');
  if (!Array.isArray(factors)) return [];
  const k = factors.length;
  const problems: Problem[] = [];
  const mismatch = (path: (string | number)[], found: number, expected: string) =>
    problems.push({
      path,
      code: 'dimension_mismatch',
      message: `expected ${expected} (factors has ${k}), found ${found}`,
    });
  const exposures = field(riskModel, 'exposures');
  if (isRecord(exposures)) {
    for (const [security, row] of Object.entries(exposures)) {
      if (Array.isArray(row) && row.length !== k) {
        mismatch(['exposures', security], row.length, `${k} exposures, one per factor`);
      }
    }
  }
  const covariance = field(riskModel, 'factorCovariance');
  if (Array.isArray(covariance)) {
    if (covariance.length !== k) mismatch(['factorCovariance'], covariance.length, `${k} rows`);
    covariance.forEach((row: unknown, i) => {
      if (Array.isArray(row) && row.length !== k) {
        mismatch(['factorCovariance', i], row.length, `${k} columns`);
      }
    });
  }
  return problems;
};

/** A factor risk model, annualised (spec §1 `riskModel`). */
export const RiskModelSchema = withRules(
  strictObject({
    factors: z.array(IdSchema),
    exposures: z
      .record(IdSchema, z.array(FiniteNumberSchema))
      .describe('Per security, one exposure per factor.'),
    factorCovariance: z
      .array(z.array(FiniteNumberSchema))
      .describe('k × k, k = factors.length; annualised.'),
    specificVariance: z
      .record(IdSchema, NonNegativeNumberSchema)
      .describe('Per security, annualised.'),
  }),
  dimensionsRule,
);
