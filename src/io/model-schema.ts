import { z } from 'zod';
import type { Rule } from './cross-check.js';
import { withRules } from './cross-check.js';
import { expecting, formatNumber } from './describe-input.js';
import { IdSchema } from './id.js';
import { keyedUnion } from './keyed-union.js';
import { FractionSchema } from './numbers.js';
import { strictObject } from './strict-object.js';
import { listAt, numberAt } from './unknown-reader.js';

/** Tolerance on a model's weight sum (spec: at most 1 + 1e-9). */
export const WEIGHT_SUM_TOLERANCE = 1e-9;

/** A model id, or null for no model. */
export const NullableModelIdSchema = z
  .string({ error: expecting('a model id or null') })
  .min(1)
  .nullable();

/** A target that is a security, or one that is another model; exactly one of the two. */
export const ModelTargetSchema = keyedUnion({
  security: strictObject({ security: IdSchema, weight: FractionSchema }),
  model: strictObject({ model: IdSchema, weight: FractionSchema }),
});

/** A model's weights sum to at most 1 + 1e-9. */
const weightsRule: Rule = (model) => {
  const targets = listAt(model, 'targets');
  let sum = 0;
  for (let i = 0; i < targets.length; i++) {
    const w = numberAt(targets[i], 'weight') ?? 0;
    // A weight outside [0, 1] is reported on its own; summing it would only add noise.
    if (w >= 0 && w <= 1) sum += w;
  }
  if (sum <= 1 + WEIGHT_SUM_TOLERANCE) return [];
  return [
    {
      path: ['targets'],
      code: 'weights_exceed_one',
      message: `the weights sum to ${formatNumber(sum)}: a model's weights must sum to at most 1 (the remainder is cash)`,
    },
  ];
};

/** Target weights over securities and sub-models (spec §1 `models[]`). */
export const ModelSchema = withRules(
  strictObject({ id: IdSchema, targets: z.array(ModelTargetSchema) }),
  weightsRule,
).describe('Weights sum to at most 1 (+1e-9); the remainder is the model cash.');
