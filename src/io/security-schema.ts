import { z } from 'zod';
import { IdSchema } from './id.js';
import { PriceSchema } from './money.js';
import { FractionSchema, PositiveNumberSchema } from './numbers.js';
import { strictObject } from './strict-object.js';

/** A security and its price on `asOf` (spec §1 `securities[]`). */
export const SecuritySchema = strictObject({
  id: IdSchema,
  price: PriceSchema,
  assetClass: IdSchema.optional(),
  sector: IdSchema.optional(),
  tags: z.array(IdSchema).optional().describe('Free labels used by restrictions.'),
  washGroup: IdSchema.optional().describe(
    'Securities sharing a washGroup are substantially identical.',
  ),
  lotSize: PositiveNumberSchema.optional().describe(
    'Tradable increment in shares (default 1; fractional accounts ignore it).',
  ),
  cashEquivalent: z.boolean().optional(),
  taxDrag: FractionSchema.optional().describe(
    'Yearly fraction of value lost to tax on income when held in a taxable account.',
  ),
});
