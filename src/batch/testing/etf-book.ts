/**
 * A book of `n` small ETF households (taxable + IRA on a four-fund model, lots at a gain or a
 * loss, some with new cash), for batch and queue tests that need more than a couple of
 * households. Deterministic.
 */
import type { FirmData, FirmLot } from '../../store/index.js';

export const ETF_BOOK_AS_OF = '2026-11-20';

const FUNDS = [
  { id: 'VTI', price: 301.25, weight: 0.45, assetClass: 'equity' },
  { id: 'VXUS', price: 66.1, weight: 0.2, assetClass: 'equity' },
  { id: 'BND', price: 72.4, weight: 0.25, assetClass: 'bond' },
  { id: 'VNQ', price: 88.9, weight: 0.08, assetClass: 'reit' },
];

export function etfBook(n: number): FirmData {
  const lots: FirmLot[] = [];
  const accounts: NonNullable<FirmData['accounts']> = [];
  const households: NonNullable<FirmData['households']> = [];
  for (let h = 0; h < n; h++) {
    const hid = `HH${String(h).padStart(4, '0')}`;
    households.push({
      id: hid,
      advisor: `advisor${h % 3}`,
      shortTermRate: '0.37',
      longTermRate: '0.2',
    });
    for (const [kind, taxStatus] of [
      ['TAX', 'taxable'],
      ['IRA', 'deferred'],
    ] as const) {
      const aid = `${hid}-${kind}`;
      accounts.push({
        id: aid,
        householdId: hid,
        taxStatus,
        modelId: 'core4',
        cash: h % 4 === 0 ? '25000' : '1000',
      });
      FUNDS.forEach((f, i) => {
        // Basis from −20% to +40% of today's value, so some lots sit at a loss.
        const tilt = ((h * 7 + i * 3) % 7) / 10 - 0.2;
        const quantity = 20 + ((h + i) % 9) * 10;
        lots.push({
          accountId: aid,
          id: `L${i}`,
          securityId: f.id,
          quantity: String(quantity),
          costBasis: (quantity * f.price * (1 - tilt)).toFixed(2),
          acquired: `202${2 + (i % 3)}-0${1 + i}-15`,
        });
      });
    }
  }
  return {
    securities: FUNDS.map((f) => ({ id: f.id, assetClass: f.assetClass })),
    prices: FUNDS.map((f) => ({ securityId: f.id, date: ETF_BOOK_AS_OF, close: String(f.price) })),
    models: [{ id: 'core4', targets: FUNDS.map((f) => ({ security: f.id, weight: f.weight })) }],
    households,
    accounts,
    lots,
    settings: accounts
      .filter((a) => a.taxStatus === 'taxable')
      .map((a) => ({
        accountId: a.id,
        settings: { tax: { harvestLosses: true, minHarvest: 200 } },
      })),
  };
}
