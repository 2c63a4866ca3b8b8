/** The ledger example of docs/interchange.md §3, as printed, replayed by hand and by the ledger. */
import { describe, expect, it } from 'vitest';
import type { LedgerRequest } from '../domain/index.js';
import { replayOk } from './test-support/history.js';

const request: LedgerRequest = {
  method: 'FIFO',
  accounts: [
    { id: 'A', taxStatus: 'taxable' },
    { id: 'IRA', taxStatus: 'deferred' },
  ],
  washGroups: [['SPY', 'IVV', 'VOO']],
  transactions: [
    {
      date: '2024-01-05',
      account: 'A',
      security: 'XYZ',
      side: 'buy',
      quantity: 100,
      price: 20.0,
      lot: 'B1',
    },
    {
      date: '2024-02-10',
      account: 'A',
      security: 'XYZ',
      side: 'sell',
      quantity: 40,
      price: 15.0,
      lots: [{ lot: 'B1', quantity: 40 }],
    },
    { date: '2024-03-01', security: 'XYZ', split: 2 },
    { date: '2024-04-01', security: 'XYZ', renameTo: 'XYZN' },
    { date: '2024-05-01', security: 'XYZN', returnOfCapital: 0.5 },
    {
      date: '2024-06-01',
      security: 'XYZN',
      spinoff: { security: 'SPIN', ratio: 0.25, basisFraction: 0.1 },
    },
  ],
  openingLots: [
    {
      account: 'A',
      security: 'OLD',
      lot: 'O1',
      quantity: 10,
      costBasis: 900.0,
      acquired: '2019-05-01',
    },
  ],
};

describe('the interchange §3 example', () => {
  it('realizes a $200 short-term loss with no wash sale (the rest of lot B1 is the same lot)', () => {
    const r = replayOk(request);
    expect(r.realized).toEqual([
      {
        date: '2024-02-10',
        account: 'A',
        security: 'XYZ',
        lot: 'B1',
        acquired: '2024-01-05',
        quantity: 40,
        proceeds: 600,
        costBasis: 800,
        gain: -200,
        washSaleDisallowed: 0,
        term: 'short',
      },
    ]);
    expect(r.totals).toEqual({ shortTerm: -200, longTerm: 0, washSaleDisallowed: 0 });
  });

  it('carries B1 through the split, rename, return of capital and spin-off', () => {
    // 60 shares → 120 (2:1), basis 1200 − 120 × 0.50 = 1140; the spin-off takes 10%: 114.
    expect(replayOk(request).openLots).toEqual([
      {
        account: 'A',
        security: 'OLD',
        lot: 'O1',
        quantity: 10,
        costBasis: 900,
        acquired: '2019-05-01',
        washSaleAdjustment: 0,
      },
      {
        account: 'A',
        security: 'SPIN',
        lot: 'B1+SPIN',
        quantity: 30,
        costBasis: 114,
        acquired: '2024-01-05',
        washSaleAdjustment: 0,
      },
      {
        account: 'A',
        security: 'XYZN',
        lot: 'B1',
        quantity: 120,
        costBasis: 1026,
        acquired: '2024-01-05',
        washSaleAdjustment: 0,
      },
    ]);
  });
});
