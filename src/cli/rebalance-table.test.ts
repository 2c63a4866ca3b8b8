/** The rebalance table as a person reads it, from a hand-built response. */
import { describe, expect, it } from 'vitest';
import type { AccountProposal, RebalanceResponse } from '../domain/index.js';
import { rebalanceTable } from './rebalance-table.js';

const joint: AccountProposal = {
  id: 'smith-joint',
  status: 'relaxed',
  trades: [
    {
      security: 'VOO',
      side: 'sell',
      quantity: 30,
      price: 694.21,
      value: 20826.3,
      lots: [
        { lot: 'L1', quantity: 20, costBasis: 9000, gain: 4884.2, term: 'long' },
        {
          lot: 'L2',
          quantity: 10,
          costBasis: 7100,
          gain: -157.9,
          term: 'short',
          washSaleDisallowed: 157.9,
        },
      ],
      reasons: ['drift', 'cashNeed'],
    },
    {
      security: 'SCHX',
      side: 'buy',
      quantity: 100,
      price: 29.8,
      value: 2980,
      reasons: ['replacement'],
    },
  ],
  summary: {
    before: { value: 250000, cash: 5000, trackingError: 0.0215, maxDrift: 0.0412 },
    after: { value: 240000, cash: 2400, trackingError: 0.0048, maxDrift: 0.0031 },
    realized: { shortTerm: 0, longTerm: 4884.2, washSaleDisallowed: 157.9 },
    estimatedTax: 1162.44,
    turnover: 0.0476,
    relaxed: [
      { setting: 'tax.gainBudget.longTerm', limit: 4000, actual: 4884.2 },
      { setting: 'risk.maxTrackingError', limit: 0.004, actual: 0.0048 },
    ],
    warnings: ['VOO: lot L2 was acquired in the last 30 days without a matching recent buy'],
    binding: [
      { constraint: 'cash.min', shadowPrice: 0.0123, explanation: 'the withdrawal forces sales' },
    ],
    customizationCost: [{ customization: 'noHold Energy', trackingError: 0.0031, tax: 250 }],
  },
  error: null,
};

const ira: AccountProposal = {
  id: 'smith-ira',
  status: 'error',
  trades: [],
  summary: {
    before: { value: 100000, cash: 0, trackingError: 0, maxDrift: 0 },
    after: { value: 100000, cash: 0, trackingError: 0, maxDrift: 0 },
    realized: { shortTerm: 0, longTerm: 0, washSaleDisallowed: 0 },
    estimatedTax: 0,
    turnover: 0,
    relaxed: [],
    warnings: [],
  },
  error: { code: 'conflict', message: 'XOM is both noHold and noSell' },
};

const response: RebalanceResponse = { asOf: '2026-08-03', accounts: [joint, ira] };

describe('rebalanceTable', () => {
  const text = rebalanceTable(response);

  it('heads each account with its status and its figures before and after', () => {
    expect(text).toContain('Rebalance as of 2026-08-03: 2 account(s)');
    expect(text).toContain('Account smith-joint: relaxed');
    expect(text).toMatch(/Value\s+250,000\.00\s+240,000\.00/);
    expect(text).toMatch(/Cash\s+5,000\.00\s+2,400\.00/);
    expect(text).toMatch(/Tracking error\s+2\.15%\s+0\.48%/);
    expect(text).toMatch(/Max drift\s+4\.12%\s+0\.31%/);
    expect(text).toMatch(/Turnover\s+4\.76%/);
    expect(text).toMatch(/Realized short-term\s+0\.00/);
    expect(text).toMatch(/Realized long-term\s+4,884\.20/);
    expect(text).toMatch(/Estimated tax\s+1,162\.44/);
  });

  it('lists trades with their reasons and, under each sell, the lots with gain and term', () => {
    expect(text).toContain('Trades (2)');
    expect(text).toMatch(/sell\s+VOO\s+30\s+694\.21\s+20,826\.30\s+drift, cashNeed/);
    expect(text).toMatch(/L1\s+20\s+9,000\.00\s+4,884\.20\s+long/);
    expect(text).toMatch(/L2\s+10\s+7,100\.00\s+-157\.90\s+short\s+wash sale: 157\.90 disallowed/);
    expect(text).toMatch(/buy\s+SCHX\s+100\s+29\.80\s+2,980\.00\s+replacement/);
  });

  it('shows what gave way in the units of the setting', () => {
    expect(text).toContain('Relaxed (2)');
    expect(text).toMatch(/tax\.gainBudget\.longTerm\s+4,000\.00\s+4,884\.20/);
    expect(text).toMatch(/risk\.maxTrackingError\s+0\.40%\s+0\.48%/);
  });

  it('adds binding constraints, customization costs and warnings when present', () => {
    expect(text).toMatch(/cash\.min\s+0\.0123\s+the withdrawal forces sales/);
    expect(text).toMatch(/noHold Energy\s+0\.31%\s+250\.00/);
    expect(text).toContain('- VOO: lot L2 was acquired in the last 30 days');
  });

  it("reports an account's error and says it has no trades", () => {
    const block = text.slice(text.indexOf('Account smith-ira'));
    expect(block).toContain('Account smith-ira: error');
    expect(block).toContain('Error (conflict): XOM is both noHold and noSell');
    expect(block).toContain('No trades');
    expect(block).not.toContain('Relaxed');
    expect(block).not.toContain('Binding');
  });
});
