/**
 * A taxable account with one clear loss harvest: every model stock is held near its model weight
 * in long-standing lots at a gain, except that 2% of the account in one stock (`loser`, whose
 * `washGroup` twin — another share class of the company — is also in the model) sits in a recent
 * lot at a 40% short-term loss.
 * Selling that lot saves far more tax than the tracking error its absence costs, and the wash-sale
 * rule then forbids buying either class.
 */
import type { Model, RebalanceRequest, Security } from '../../domain/index.js';

/** Account value in USD (positions plus cash). */
const VALUE = 1_000_000;
/** Share of the account in the losing lot. */
const LOSS_SHARE = 0.02;
/** Share of the account held in cash. */
const CASH_SHARE = 0.01;

/** What the harvest case holds besides the request. */
export interface HarvestCase {
  request: RebalanceRequest;
  /** The security held at a loss, its lot id, and its wash set (itself and its twin). */
  security: string;
  lot: string;
  washSet: string[];
}

/**
 * The harvest case for `model` over `securities`; `loser` and `twin` (both in the model) become
 * one wash group and `loser` carries the losing lot.
 */
export function harvestCase(
  securities: readonly Security[],
  model: Model,
  loser: string,
  twin: string,
): HarvestCase {
  const group = `${loser}-${twin}`;
  const withGroup = securities.map((s) =>
    s.id === loser || s.id === twin ? { ...s, washGroup: group } : { ...s },
  );
  const price = new Map(securities.map((s) => [s.id, s.price]));
  const lots: RebalanceRequest['accounts'][number]['lots'] = [];
  for (const t of model.targets) {
    if (!('security' in t)) continue;
    const value =
      t.weight * (1 - CASH_SHARE) * VALUE - (t.security === loser ? LOSS_SHARE * VALUE : 0);
    const p = price.get(t.security)!;
    lots.push({
      id: `${t.security}-2019`,
      security: t.security,
      quantity: value / p,
      costBasis: Math.round(value * 60) / 100,
      acquired: '2019-01-15',
    });
  }
  const lossValue = LOSS_SHARE * VALUE;
  const lot = `${loser}-2026`;
  lots.push({
    id: lot,
    security: loser,
    quantity: lossValue / price.get(loser)!,
    costBasis: Math.round((lossValue / 0.6) * 100) / 100,
    acquired: '2026-04-01',
  });
  const request: RebalanceRequest = {
    asOf: '2026-08-24',
    securities: withGroup,
    models: [model],
    household: { id: 'H', shortTermRate: 0.408, longTermRate: 0.238 },
    accounts: [
      {
        id: 'TAX',
        taxStatus: 'taxable',
        model: model.id,
        cash: CASH_SHARE * VALUE,
        lots,
        recentTrades: [],
        settings: {
          tax: { harvestLosses: true },
          trading: { allowFractional: true },
        },
      },
    ],
  };
  return { request, security: loser, lot, washSet: [loser, twin] };
}
