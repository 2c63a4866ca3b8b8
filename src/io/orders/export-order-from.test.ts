import { describe, expect, it } from 'vitest';
import { exportOrderFrom } from './export-order-from.js';
import { ordersCsv } from './order-csv.js';

describe('exportOrderFrom', () => {
  it('maps a stored order and its allocations field by field, exactly', () => {
    const order = exportOrderFrom({
      id: 'ord-1',
      securityId: 'VTI',
      side: 'sell',
      quantity: '12.25',
      allocations: [
        { accountId: 'A1', quantity: '10', householdId: 'H1', proposalId: 'P1', tradeId: 'T1' },
        { accountId: 'A2', quantity: '2.25', householdId: 'H2', proposalId: 'P2', tradeId: 'T2' },
      ],
    });
    expect(order).toEqual({
      id: 'ord-1',
      symbol: 'VTI',
      side: 'sell',
      quantity: '12.25',
      allocations: [
        { account: 'A1', quantity: '10', household: 'H1', proposal: 'P1', trade: 'T1' },
        { account: 'A2', quantity: '2.25', household: 'H2', proposal: 'P2', trade: 'T2' },
      ],
    });
    expect(ordersCsv([order])).toContain('A2');
  });
});
