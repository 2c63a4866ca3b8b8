/** Spec §4: the ledger response. */
import { z } from 'zod';
import { TermSchema } from './enums.js';
import { IdSchema } from './id.js';
import { IsoDateSchema } from './iso-date.js';
import { AmountSchema, NonNegativeAmountSchema } from './money.js';
import { PositiveNumberSchema } from './numbers.js';
import { strictObject } from './strict-object.js';

/** One lot line of a sale (or of a return of capital past zero basis). */
export const RealizedLineSchema = strictObject({
  date: IsoDateSchema,
  account: IdSchema,
  security: IdSchema,
  lot: IdSchema,
  acquired: IsoDateSchema.describe('Holding-period start of the shares sold.'),
  quantity: PositiveNumberSchema,
  proceeds: NonNegativeAmountSchema,
  costBasis: NonNegativeAmountSchema,
  gain: AmountSchema.describe('The economic gain, proceeds − costBasis.'),
  washSaleDisallowed: NonNegativeAmountSchema.describe('Part of a loss disallowed; 0 when none.'),
  term: TermSchema,
  kind: z
    .enum(['sale', 'returnOfCapital'])
    .optional()
    .describe('Added detail: returnOfCapital for a distribution past zero basis.'),
  washSalePermanent: z
    .boolean()
    .optional()
    .describe('Added detail: the replacement was in a deferred or exempt account.'),
});

/** A lot still held after the replay. */
export const OpenLotLineSchema = strictObject({
  account: IdSchema,
  security: IdSchema,
  lot: IdSchema,
  quantity: PositiveNumberSchema,
  costBasis: NonNegativeAmountSchema.describe('Includes any wash-sale basis adjustment.'),
  acquired: IsoDateSchema.describe('Holding-period start (tacked for wash-sale replacements).'),
  washSaleAdjustment: NonNegativeAmountSchema,
  bought: IsoDateSchema.optional().describe("Added detail: the purchase's trade date."),
});

/** The ledger response: realized lines, open lots and taxable-account totals. */
export const LedgerResponseSchema = strictObject({
  realized: z.array(RealizedLineSchema),
  openLots: z.array(OpenLotLineSchema),
  totals: strictObject({
    shortTerm: AmountSchema,
    longTerm: AmountSchema,
    washSaleDisallowed: NonNegativeAmountSchema,
  }),
}).describe('Tailor ledger response (spec §4).');
