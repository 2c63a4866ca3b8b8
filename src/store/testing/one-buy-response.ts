import { TINY_AS_OF } from './tiny-firm.js';

/** A response proposing one buy of `security` in account `id` (summary figures are placeholders). */
export function oneBuyResponse(id: string, security: string, quantity = 1, price = 1) {
  return {
    asOf: TINY_AS_OF,
    accounts: [
      {
        id,
        status: 'ok' as const,
        trades: [
          {
            security,
            side: 'buy' as const,
            quantity,
            price,
            value: quantity * price,
            reasons: ['model' as const],
          },
        ],
        summary: {
          before: { value: 1, cash: 1, trackingError: 0, maxDrift: 0 },
          after: { value: 1, cash: 1, trackingError: 0, maxDrift: 0 },
          realized: { shortTerm: 0, longTerm: 0, washSaleDisallowed: 0 },
          estimatedTax: 0,
          turnover: 0,
          relaxed: [],
          warnings: [],
        },
        error: null,
      },
    ],
  };
}
