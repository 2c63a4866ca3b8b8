import { describe, expect, it } from 'vitest';
import type { RebalanceAccount } from '../../domain/index.js';
import { rebalance } from '../rebalance.js';
import { balancedFundHousehold } from '../test-support/balanced-fund-household.js';
import { checkProposal } from '../testing/check-proposal.js';

/** The whole pipeline on small households, judged by the independent proposal checker. */
describe('rebalance → buildResponse passes the independent checker', () => {
  const variants: [string, Partial<RebalanceAccount>][] = [
    ['defaults with harvesting', {}],
    [
      'withdrawal, cash minimum, turnover and trade-size limits',
      {
        settings: {
          trading: { minTradeValue: 2000, maxTurnover: 0.05 },
          cash: { min: 0.02, withdrawal: 3000 },
        },
      },
    ],
    [
      'noHold screen under a gain budget',
      {
        settings: {
          tax: { harvestLosses: true, gainBudget: { shortTerm: 0, longTerm: 1000 } },
          restrictions: [{ security: 'AGG', rule: 'noHold' }],
        },
      },
    ],
  ];

  it.each(variants)('%s', (_, account) => {
    const request = balancedFundHousehold(account);
    const response = rebalance(request);
    expect(response.accounts.map((a) => a.error)).toEqual([null]);
    expect(checkProposal(request, response)).toEqual([]);
  });
});
