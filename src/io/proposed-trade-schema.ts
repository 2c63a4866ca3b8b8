import { z } from 'zod';
import type { Problem } from '../domain/problem.js';
import type { Rule } from './cross-check.js';
import { withRules } from './cross-check.js';
import { TermSchema } from './enums.js';
import { IdSchema } from './id.js';
import { AmountSchema, NonNegativeAmountSchema, PriceSchema } from './money.js';
import { PositiveNumberSchema } from './numbers.js';
import { strictObject } from './strict-object.js';
import { TradeSideSchema } from './trade-side.js';
import { field, listAt, numberAt, textAt } from './unknown-reader.js';

/** Why a trade is proposed. */
export const TradeReasonSchema = z.enum([
  'model',
  'drift',
  'cashNeed',
  'restriction',
  'substitution',
  'taxLossHarvest',
  'replacement',
  'riskReduction',
]);

/** One lot relieved by a proposed sell. */
export const TradeLotLineSchema = strictObject({
  lot: IdSchema,
  quantity: PositiveNumberSchema,
  costBasis: NonNegativeAmountSchema,
  gain: AmountSchema,
  term: TermSchema,
  washSaleDisallowed: NonNegativeAmountSchema.optional(),
});

/** Relative tolerance on the sum of a sell's lot quantities (they are computed in binary). */
const LOT_SUM_TOLERANCE = 1e-9;

/** A sell lists its lots and they sum to its quantity; a buy lists none. */
const lotsRule: Rule = (trade) => {
  const side = textAt(trade, 'side');
  const hasLots = field(trade, 'lots') !== undefined;
  const problems: Problem[] = [];
  if (side === 'buy' && hasLots) {
    problems.push({
      path: ['lots'],
      code: 'field_not_allowed',
      message: 'a buy carries no lots: it becomes one new lot',
    });
  }
  if (side === 'sell' && !hasLots) {
    problems.push({
      path: [],
      code: 'lots_required',
      message: 'a sell must list the lots it relieves in "lots"',
    });
  }
  const quantity = numberAt(trade, 'quantity');
  const sum = listAt(trade, 'lots').reduce(
    (acc: number, lot) => acc + (numberAt(lot, 'quantity') ?? 0),
    0,
  );
  if (
    side === 'sell' &&
    hasLots &&
    quantity !== undefined &&
    Math.abs(sum - quantity) > LOT_SUM_TOLERANCE * Math.max(1, quantity)
  ) {
    problems.push({
      path: ['lots'],
      code: 'lots_mismatch',
      message: `the lots' quantities sum to ${sum}, not the trade's quantity ${quantity}`,
    });
  }
  return problems;
};

/** A proposed trade (spec §2 `trades[]`). */
export const ProposedTradeSchema = withRules(
  strictObject({
    security: IdSchema,
    side: TradeSideSchema,
    quantity: PositiveNumberSchema,
    price: PriceSchema,
    value: NonNegativeAmountSchema.describe('quantity × price, rounded to the cent.'),
    lots: z.array(TradeLotLineSchema).optional().describe('Sells only: the lots relieved.'),
    reasons: z.array(TradeReasonSchema).min(1),
  }),
  lotsRule,
);
