/**
 * A tiny firm for store and batch tests: two households on a two-fund model, one with a
 * loss lot, one with a lot whose price is stale, so gating has something to find.
 */
import type { FirmData } from '../firm-writer.js';

export const TINY_AS_OF = '2026-11-20';

export function tinyFirm(): FirmData {
  return {
    securities: [
      { id: 'VTI', name: 'Total US', assetClass: 'equity', sector: 'Broad' },
      { id: 'BND', name: 'Total Bond', assetClass: 'bond', taxDrag: '0.01' },
      { id: 'OLD', name: 'Delisted', assetClass: 'equity' },
    ],
    prices: [
      { securityId: 'VTI', date: '2026-11-19', close: '300.10' },
      { securityId: 'VTI', date: '2026-11-20', close: '301.25' },
      { securityId: 'BND', date: '2026-11-20', close: '72.40' },
      { securityId: 'OLD', date: '2026-10-01', close: '5.00' },
    ],
    models: [
      {
        id: 'balanced',
        name: '60/40',
        targets: [
          { security: 'VTI', weight: 0.6 },
          { security: 'BND', weight: 0.38 },
        ],
      },
    ],
    households: [
      { id: 'H1', name: 'Smith', advisor: 'alice', shortTermRate: '0.37', longTermRate: '0.2' },
      { id: 'H2', name: 'Jones', advisor: 'bob', shortTermRate: '0.32', longTermRate: '0.15' },
    ],
    accounts: [
      {
        id: 'H1-TAX',
        householdId: 'H1',
        taxStatus: 'taxable',
        modelId: 'balanced',
        cash: '10000.00',
      },
      { id: 'H1-IRA', householdId: 'H1', taxStatus: 'deferred', modelId: 'balanced', cash: '500' },
      { id: 'H2-TAX', householdId: 'H2', taxStatus: 'taxable', modelId: 'balanced', cash: '2000' },
    ],
    lots: [
      {
        accountId: 'H1-TAX',
        id: 'L1',
        securityId: 'VTI',
        quantity: '100',
        costBasis: '35000.00',
        acquired: '2024-02-01',
      },
      {
        accountId: 'H1-IRA',
        id: 'L1',
        securityId: 'BND',
        quantity: '50',
        costBasis: '3700',
        acquired: '2023-05-10',
      },
      {
        accountId: 'H2-TAX',
        id: 'L1',
        securityId: 'OLD',
        quantity: '10',
        costBasis: '80',
        acquired: '2020-01-02',
      },
    ],
    transactions: [{ accountId: 'H1-TAX', date: '2026-11-10', type: 'deposit', amount: '10000' }],
    settings: [
      { accountId: 'H1-TAX', settings: { tax: { harvestLosses: true, minHarvest: 100 } } },
    ],
  };
}
