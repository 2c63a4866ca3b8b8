import { z } from 'zod';
import { IdSchema } from './id.js';
import { keyedUnion } from './keyed-union.js';
import { strictObject } from './strict-object.js';

/** `noBuy`: may hold and sell; `noSell`: lots are frozen; `noHold`: sell what is held, never buy. */
export const RestrictionRuleSchema = z.enum(['noBuy', 'noSell', 'noHold']);

/** A restriction by exactly one of `security`, `sector` or `tag`. */
export const RestrictionSchema = keyedUnion({
  security: strictObject({ security: IdSchema, rule: RestrictionRuleSchema }),
  sector: strictObject({ sector: IdSchema, rule: RestrictionRuleSchema }),
  tag: strictObject({ tag: IdSchema, rule: RestrictionRuleSchema }),
});
