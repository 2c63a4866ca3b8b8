import { z } from 'zod';
import { expectedFound } from './describe-input.js';
import { didYouMean } from './did-you-mean.js';
import { SHORT_SALE_SIDES } from './unsupported.js';

const SIDES = ['buy', 'sell'] as const;

/** The side of a trade or fill: `buy` or `sell`. A short-sale side says short sales are unsupported. */
export const TradeSideSchema = z.enum(SIDES, {
  error: (issue) => {
    const input = issue.input;
    if (typeof input === 'string' && SHORT_SALE_SIDES.includes(input)) {
      return `short sales are not supported: side must be "buy" or "sell", found "${input}"`;
    }
    const hint = typeof input === 'string' ? didYouMean(input, SIDES) : '';
    return `${expectedFound('"buy" or "sell"', input)}${hint}`;
  },
});
