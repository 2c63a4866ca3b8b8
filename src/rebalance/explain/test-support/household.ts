/**
 * A small household with an explicit two-factor risk model, for the explanation tests, and the
 * optimizer run up to the continuous solution (context, formulation, solution).
 *
 * A1 (taxable, model M = AAA 40% + BBB 30% + CCC 30%, no cash target) holds 200 DDD at $100 —
 * outside the model, basis $5,000, a $15,000 long-term gain — and 50 AAA at $100 bought at $120
 * (a $1,000 long-term loss). V = $25,000. Tracking the model means selling DDD; a gain budget
 * below its gain binds. BBB is the only Energy security: an Energy screen forces tracking error.
 */
import type { AccountSettings, RebalanceRequest } from '../../../domain/index.js';
import { resolveRiskModel } from '../../../risk/index.js';
import { buildHouseholdContext } from '../../context/index.js';
import { formulate } from '../../problem/index.js';
import { solveHousehold } from '../../solve/index.js';

/** The household's request with `settings` on A1 (a fresh copy each call). */
export function household(settings: AccountSettings = {}): RebalanceRequest {
  return {
    asOf: '2026-11-24',
    securities: [
      { id: 'AAA', price: 100, sector: 'Tech' },
      { id: 'BBB', price: 50, sector: 'Energy' },
      { id: 'CCC', price: 20, sector: 'Health' },
      { id: 'DDD', price: 100, sector: 'Utilities' },
    ],
    models: [
      {
        id: 'M',
        targets: [
          { security: 'AAA', weight: 0.4 },
          { security: 'BBB', weight: 0.3 },
          { security: 'CCC', weight: 0.3 },
        ],
      },
    ],
    riskModel: {
      factors: ['market', 'value'],
      exposures: { AAA: [1.1, -0.4], BBB: [0.9, 0.8], CCC: [0.8, 0.1], DDD: [0.7, 0.5] },
      factorCovariance: [
        [0.03, 0.004],
        [0.004, 0.01],
      ],
      specificVariance: { AAA: 0.04, BBB: 0.05, CCC: 0.03, DDD: 0.02 },
    },
    household: { id: 'H1', shortTermRate: 0.4, longTermRate: 0.2 },
    accounts: [
      {
        id: 'A1',
        taxStatus: 'taxable',
        model: 'M',
        cash: 0,
        lots: [
          { id: 'D1', security: 'DDD', quantity: 200, costBasis: 5000, acquired: '2020-01-02' },
          { id: 'A1', security: 'AAA', quantity: 50, costBasis: 6000, acquired: '2021-06-01' },
        ],
        recentTrades: [],
        settings,
      },
    ],
  };
}

/** The optimizer's pieces for `request`, as the rebalance builds them. */
export function optimize(request: RebalanceRequest) {
  const { model } = resolveRiskModel(request.riskModel, request.securities);
  const ctx = buildHouseholdContext(request, model);
  const form = formulate(ctx);
  const solution = solveHousehold(ctx, form);
  return { ctx, form, solution };
}
