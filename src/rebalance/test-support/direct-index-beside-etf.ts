/**
 * A household whose accounts follow different models: a four-stock direct index (AAA–DDD) and an
 * ETF account on VOO/BND. The stocks load on the equity factor like VOO, so each is a (noisy)
 * proxy for it: an ETF account that may not buy VOO, or harvests it, would reach for them if it
 * could. SCHX, a close VOO substitute that no model names, is listed only when asked for (an
 * explicit alternative, as a harvest replacement).
 */
import type { RebalanceAccount, RebalanceRequest, Security } from '../../domain/index.js';

const STOCKS = ['AAA', 'BBB', 'CCC', 'DDD'] as const;

/** Options of {@link directIndexBesideEtf}. */
export interface DirectIndexBesideEtf {
  /** Overrides of the ETF account (id `etf`). */
  etf?: Partial<RebalanceAccount>;
  /** List SCHX, in no model. */
  alternative?: boolean;
}

/** The request: account `index` (taxable, holds the four stocks) and account `etf`. */
export function directIndexBesideEtf(options: DirectIndexBesideEtf = {}): RebalanceRequest {
  const securities: Security[] = [
    ...STOCKS.map((id): Security => ({ id, price: 50, sector: 'Tech' })),
    { id: 'VOO', price: 500, washGroup: 'sp500' },
    { id: 'BND', price: 75 },
    ...(options.alternative === true ? [{ id: 'SCHX', price: 25 }] : []),
  ];
  const exposures: Record<string, number[]> = {
    AAA: [1.1, 0],
    BBB: [0.9, 0],
    CCC: [1.05, 0],
    DDD: [0.95, 0],
    VOO: [1, 0],
    BND: [0, 1],
    SCHX: [1.02, 0],
  };
  const specific: Record<string, number> = {
    AAA: 0.04,
    BBB: 0.04,
    CCC: 0.04,
    DDD: 0.04,
    VOO: 0.0001,
    BND: 0.0001,
    SCHX: 0.0004,
  };
  const listed = new Set(securities.map((s) => s.id));
  const only = <T>(r: Record<string, T>) =>
    Object.fromEntries(Object.entries(r).filter(([id]) => listed.has(id)));
  return {
    asOf: '2026-08-03',
    securities,
    models: [
      {
        id: 'direct',
        targets: STOCKS.map((security) => ({ security, weight: 0.2475 })),
      },
      {
        id: 'etf',
        targets: [
          { security: 'VOO', weight: 0.6 },
          { security: 'BND', weight: 0.38 },
        ],
      },
    ],
    riskModel: {
      factors: ['equity', 'rates'],
      exposures: only(exposures),
      factorCovariance: [
        [0.03, 0],
        [0, 0.004],
      ],
      specificVariance: only(specific),
    },
    household: { id: 'H', shortTermRate: 0.408, longTermRate: 0.238 },
    accounts: [
      {
        id: 'index',
        taxStatus: 'taxable',
        model: 'direct',
        cash: 1000,
        lots: STOCKS.map((security, i) => ({
          id: `S${i}`,
          security,
          quantity: 500,
          costBasis: 20_000,
          acquired: '2020-01-02',
        })),
        recentTrades: [],
      },
      {
        id: 'etf',
        taxStatus: 'deferred',
        model: 'etf',
        cash: 100_000,
        lots: [],
        recentTrades: [],
        ...options.etf,
      },
    ],
  };
}
