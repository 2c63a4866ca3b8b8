import { describe, expect, it } from 'vitest';
import { splitFraction } from './corporate-actions.js';
import { buy, household, openLot, replayOk, sell } from './test-support/history.js';

describe('corporate actions', () => {
  it('reads split ratios exactly: numbers and "new:old" strings', () => {
    const { newShares, oldShares } = splitFraction('1:12');
    expect([newShares.toNumber(), oldShares.toNumber()]).toEqual([1, 12]);
    expect(splitFraction(1.02).newShares.toString()).toBe('1.02');
  });

  it('a 2-for-1 split doubles shares in every account and keeps basis and start', () => {
    const r = replayOk(
      household({ A: 'taxable', IRA: 'deferred' }, [
        buy('2024-01-02', 'A', 'X', 10, 100, 'L1'),
        buy('2024-01-03', 'IRA', 'X', 5, 100, 'I1'),
        { date: '2024-03-01', security: 'X', split: 2 },
      ]),
    );
    expect(openLot(r, 'L1')).toMatchObject({
      quantity: 20,
      costBasis: 1000,
      acquired: '2024-01-02',
    });
    expect(openLot(r, 'I1').quantity).toBe(10);
  });

  it('a 1-for-12 reverse split rounds to 6 decimals; the fraction sells as cash in lieu', () => {
    const r = replayOk(
      household({ A: 'taxable' }, [
        buy('2024-01-02', 'A', 'X', 100, 1, 'L1'),
        { date: '2024-03-01', security: 'X', split: '1:12' },
        sell('2024-03-01', 'A', 'X', 0.333333, 12),
      ]),
    );
    expect(r.realized[0]).toMatchObject({ quantity: 0.333333, costBasis: 4, proceeds: 4 });
    expect(openLot(r, 'L1')).toMatchObject({ quantity: 8, costBasis: 96 });
  });

  it('a 2% stock dividend scales shares by 1.02', () => {
    const r = replayOk(
      household({ A: 'taxable' }, [
        buy('2024-01-02', 'A', 'X', 50, 10, 'L1'),
        { date: '2024-03-01', security: 'X', split: 1.02 },
      ]),
    );
    expect(openLot(r, 'L1').quantity).toBe(51);
  });

  it('a rename carries lots over, and the new ticker is substantially identical to the old', () => {
    const r = replayOk(
      household({ A: 'taxable' }, [
        buy('2024-01-02', 'A', 'XYZ', 10, 10, 'L1'),
        sell('2024-03-25', 'A', 'XYZ', 5, 8),
        { date: '2024-04-01', security: 'XYZ', renameTo: 'XYZN' },
        buy('2024-04-10', 'A', 'XYZN', 5, 8, 'L2'),
      ]),
    );
    expect(r.realized[0]!.washSaleDisallowed).toBe(10);
    expect(openLot(r, 'L1').security).toBe('XYZN');
    expect(openLot(r, 'L2')).toMatchObject({ costBasis: 50, washSaleAdjustment: 10 });
  });

  it('a return of capital lowers basis; past zero it is a gain of the lot term', () => {
    const r = replayOk(
      household({ A: 'taxable' }, [
        buy('2022-01-03', 'A', 'X', 10, 1, 'L1'),
        { date: '2023-06-01', security: 'X', returnOfCapital: 0.4 },
        { date: '2023-07-01', security: 'X', returnOfCapital: 0.75 },
      ]),
    );
    expect(openLot(r, 'L1').costBasis).toBe(0);
    expect(r.realized).toEqual([
      expect.objectContaining({ kind: 'returnOfCapital', gain: 1.5, term: 'long', quantity: 0 }),
    ]);
    expect(r.totals.longTerm).toBe(1.5);
  });

  it('a spin-off moves basis to new lots that keep the holding period', () => {
    const r = replayOk(
      household({ A: 'taxable' }, [
        buy('2020-01-02', 'A', 'P', 100, 50, 'L1'),
        {
          date: '2024-06-01',
          security: 'P',
          spinoff: { security: 'S', ratio: 0.25, basisFraction: 0.1 },
        },
      ]),
    );
    expect(openLot(r, 'L1')).toMatchObject({ security: 'P', quantity: 100, costBasis: 4500 });
    expect(openLot(r, 'L1+S')).toMatchObject({
      security: 'S',
      quantity: 25,
      costBasis: 500,
      acquired: '2020-01-02',
    });
  });

  it('a spin-off gives each account its position × ratio, shared by its lots to 6 decimals', () => {
    // 0.000001 new share per old: 0.4 of a millionth per lot, 1.2 for the position of 1.2 shares
    // (one lot gets it, the earliest on a tie); account B's one lot rounds on its own.
    const r = replayOk(
      household({ A: 'taxable', B: 'taxable' }, [
        buy('2024-01-02', 'A', 'P', 0.4, 50, 'A1'),
        buy('2024-01-03', 'A', 'P', 0.4, 50, 'A2'),
        buy('2024-01-04', 'A', 'P', 0.4, 50, 'A3'),
        buy('2024-01-04', 'B', 'P', 0.4, 50, 'B1'),
        {
          date: '2024-06-01',
          security: 'P',
          spinoff: { security: 'S', ratio: 0.000001, basisFraction: 0.1 },
        },
      ]),
    );
    expect(r.openLots.filter((l) => l.security === 'S').map((l) => [l.lot, l.quantity])).toEqual([
      ['A1+S', 0.000001],
    ]);
  });

  it('spun-off shares are not purchases, so they never replace a loss', () => {
    const r = replayOk(
      household({ A: 'taxable' }, [
        buy('2024-01-02', 'A', 'S', 10, 10, 'OWN'),
        buy('2024-01-02', 'A', 'P', 100, 50, 'L1'),
        sell('2024-05-20', 'A', 'S', 10, 5),
        {
          date: '2024-06-01',
          security: 'P',
          spinoff: { security: 'S', ratio: 0.25, basisFraction: 0.1 },
        },
      ]),
    );
    expect(r.realized[0]!.washSaleDisallowed).toBe(0);
  });

  it('opening lots start a history with positions already held', () => {
    const r = replayOk(
      household({ A: 'taxable' }, [sell('2024-03-01', 'A', 'OLD', 4, 100)], {
        openingLots: [
          {
            account: 'A',
            security: 'OLD',
            lot: 'O1',
            quantity: 10,
            costBasis: 900,
            acquired: '2019-05-01',
          },
        ],
      }),
    );
    expect(r.realized[0]).toMatchObject({ lot: 'O1', costBasis: 360, gain: 40, term: 'long' });
    expect(openLot(r, 'O1')).toMatchObject({ quantity: 6, costBasis: 540 });
  });
});
