/**
 * A small household used across the rebalance tests: one taxable account on a 60/38 stock/bond
 * model that has drifted to ~79% stocks, with a large long-term gain in VTI, a short-term loss
 * in VTI and a long-term loss in AGG; ITOT and BND are similar but not substantially identical.
 */
import type { RebalanceAccount, RebalanceRequest } from '../../domain/index.js';

/** The request; `account` overrides fields of the single account. */
export function balancedFundHousehold(account: Partial<RebalanceAccount> = {}): RebalanceRequest {
  return {
    asOf: '2026-11-24',
    securities: [
      { id: 'VTI', price: 300, sector: 'Equity' },
      { id: 'ITOT', price: 120, sector: 'Equity' },
      { id: 'AGG', price: 100, sector: 'Bond' },
      { id: 'BND', price: 75, sector: 'Bond' },
    ],
    models: [
      {
        id: 'balanced',
        targets: [
          { security: 'VTI', weight: 0.6 },
          { security: 'AGG', weight: 0.38 },
        ],
      },
    ],
    riskModel: {
      factors: ['equity', 'bond'],
      exposures: { VTI: [1, 0], ITOT: [1, 0], AGG: [0, 1], BND: [0, 1] },
      factorCovariance: [
        [0.03, 0],
        [0, 0.003],
      ],
      specificVariance: { VTI: 0.0004, ITOT: 0.0004, AGG: 0.0002, BND: 0.0002 },
    },
    household: { id: 'H', shortTermRate: 0.4, longTermRate: 0.2 },
    accounts: [
      {
        id: 'A',
        taxStatus: 'taxable',
        model: 'balanced',
        cash: 1000,
        lots: [
          { id: 'L1', security: 'VTI', quantity: 250, costBasis: 50000, acquired: '2020-01-02' },
          { id: 'L2', security: 'VTI', quantity: 20, costBasis: 7000, acquired: '2026-02-02' },
          { id: 'L3', security: 'AGG', quantity: 200, costBasis: 26000, acquired: '2021-01-02' },
        ],
        recentTrades: [],
        settings: { tax: { harvestLosses: true } },
        ...account,
      },
    ],
  };
}
