/** Spec §3: the ledger request (tax-lot replay). */
import { z } from 'zod';
import type { Rule } from './cross-check.js';
import { withRules } from './cross-check.js';
import { installFastPaths } from './fast-path.js';
import { ReliefMethodSchema, TaxStatusSchema } from './enums.js';
import { IdSchema } from './id.js';
import { IsoDateSchema } from './iso-date.js';
import { ledgerRequestRules } from './ledger-request-rules.js';
import { LedgerTransactionSchema } from './ledger-transaction-schema.js';
import { NonNegativeAmountSchema } from './money.js';
import { PositiveNumberSchema } from './numbers.js';
import { strictObject } from './strict-object.js';
import { OPTION_FIELDS } from './unsupported.js';
import { field } from './unknown-reader.js';

/** One account of the household whose history is replayed. */
export const LedgerAccountSchema = strictObject({ id: IdSchema, taxStatus: TaxStatusSchema });

/** A purchase's trade date is never before its (possibly tacked) holding-period start. */
const boughtAfterAcquired: Rule = (lot) => {
  const acquired = IsoDateSchema.safeParse(field(lot, 'acquired')).data;
  const bought = IsoDateSchema.safeParse(field(lot, 'bought')).data;
  if (acquired === undefined || bought === undefined || bought >= acquired) return [];
  return [
    {
      path: ['bought'],
      code: 'date_order',
      message: `bought (${bought}) is before acquired (${acquired}): the trade date cannot precede the holding-period start`,
    },
  ];
};

/** A position held before the first transaction. */
export const OpeningLotSchema = withRules(
  strictObject(
    {
      account: IdSchema,
      security: IdSchema,
      lot: IdSchema,
      quantity: PositiveNumberSchema,
      costBasis: NonNegativeAmountSchema,
      acquired: IsoDateSchema.describe('Holding-period start.'),
      bought: IsoDateSchema.optional().describe(
        'Added detail: the trade date of the purchase when it differs from acquired (default acquired).',
      ),
      washSaleAdjustment: NonNegativeAmountSchema.optional().describe(
        'Added detail: the part of costBasis added by wash-sale disallowances (default 0).',
      ),
    },
    OPTION_FIELDS,
  ),
  boughtAfterAcquired,
);

/** The ledger request: a household's accounts, transactions and opening lots. */
export const LedgerRequestSchema = withRules(
  strictObject({
    method: ReliefMethodSchema,
    accounts: z.array(LedgerAccountSchema),
    washGroups: z
      .array(z.array(IdSchema))
      .optional()
      .describe(
        'Groups of substantially identical securities; a security is in at most one group.',
      ),
    transactions: z.array(LedgerTransactionSchema),
    openingLots: z.array(OpeningLotSchema).optional(),
  }),
  ...ledgerRequestRules,
).describe(
  'Tailor ledger request (spec §3). Checked beyond this schema: account ids are unique and every ' +
    'account named is listed; lot ids are unique within an account; a SPECID sell names its `lots` ' +
    '(any sell may), and they sum to its quantity; a security is in at most one wash group.',
);

/** Collections validated by the fast path (fast-path.ts); listed for its tests. */
export const LEDGER_FAST_PATHS = installFastPaths(LedgerRequestSchema);
