/** Rules within one ledger transaction that a field-by-field schema cannot state. */
import { Decimal } from 'decimal.js';
import type { Rule } from './cross-check.js';
import { formatNumber } from './describe-input.js';
import { field, listAt, numberAt, textAt } from './unknown-reader.js';

/** Fields that belong to the other side of a trade, and what to do instead. */
const OTHER_SIDE_FIELDS: Record<'buy' | 'sell', readonly (readonly [string, string])[]> = {
  buy: [
    ['lots', 'lots names the lots a sell relieves; a buy names its new lot in "lot"'],
    ['proceeds', "proceeds is only for a sell; a buy's cost is quantity × price plus fee"],
  ],
  sell: [['lot', 'lot names the new lot of a buy; a sell may name the lots it relieves in "lots"']],
};

/** A trade carries no field of the other side. */
const sideOnlyFields: Rule = (trade) => {
  const side = textAt(trade, 'side');
  if (side !== 'buy' && side !== 'sell') return [];
  return OTHER_SIDE_FIELDS[side]
    .filter(([key]) => field(trade, key) !== undefined)
    .map(([key, message]) => ({ path: [key], code: 'field_not_allowed', message }));
};

/** A SPECID sell's lots add up to the sale's quantity, exactly (as decimals). */
const lotsAddUp: Rule = (trade) => {
  if (textAt(trade, 'side') !== 'sell' || field(trade, 'lots') === undefined) return [];
  const quantity = numberAt(trade, 'quantity');
  const quantities = listAt(trade, 'lots').map((pick) => numberAt(pick, 'quantity'));
  if (quantity === undefined || quantities.some((q) => q === undefined || q <= 0)) return [];
  const sum = quantities.reduce((acc, q) => acc.plus(String(q)), new Decimal(0));
  if (sum.equals(String(quantity))) return [];
  return [
    {
      path: ['lots'],
      code: 'lots_mismatch',
      message: `the lots' quantities sum to ${formatNumber(sum.toNumber())}, not the sale's quantity ${formatNumber(quantity)}: make them equal`,
    },
  ];
};

/** Rules of a trade transaction. */
export const tradeRules: readonly Rule[] = [sideOnlyFields, lotsAddUp];

/** A rename changes the ticker. */
export const renameRules: readonly Rule[] = [
  (rename) => {
    const security = textAt(rename, 'security');
    if (security === undefined || textAt(rename, 'renameTo') !== security) return [];
    return [
      {
        path: ['renameTo'],
        code: 'same_security',
        message: `renameTo is the same as security "${security}": a rename must change the ticker`,
      },
    ];
  },
];

/** A spin-off creates a different security. */
export const spinoffRules: readonly Rule[] = [
  (spinoff) => {
    const security = textAt(spinoff, 'security');
    if (security === undefined || textAt(field(spinoff, 'spinoff'), 'security') !== security) {
      return [];
    }
    return [
      {
        path: ['spinoff', 'security'],
        code: 'same_security',
        message: `the spun-off security is "${security}" itself: name the new security`,
      },
    ];
  },
];
