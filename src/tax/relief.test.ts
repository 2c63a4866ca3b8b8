import { describe, expect, it } from 'vitest';
import type { ReliefMethod } from '../domain/index.js';
import { buy, household, replayOk, sell } from './test-support/history.js';

/** Four lots of X: a long-term gain, a short-term gain, a long-term loss, a short-term loss. */
function fourLots(method: ReliefMethod, quantity: number) {
  return replayOk(
    household(
      { A: 'taxable' },
      [
        buy('2022-01-03', 'A', 'X', 10, 50, 'LTGAIN'),
        buy('2022-02-01', 'A', 'X', 10, 120, 'LTLOSS'),
        buy('2024-01-02', 'A', 'X', 10, 80, 'STGAIN'),
        buy('2024-02-01', 'A', 'X', 10, 110, 'STLOSS'),
        sell('2024-06-03', 'A', 'X', quantity, 100),
      ],
      { method },
    ),
  );
}

describe('lot relief', () => {
  it('FIFO relieves the first bought first', () => {
    expect(fourLots('FIFO', 15).realized.map((l) => [l.lot, l.quantity])).toEqual([
      ['LTGAIN', 10],
      ['LTLOSS', 5],
    ]);
  });

  it('HIFO relieves the highest basis per share first', () => {
    expect(fourLots('HIFO', 25).realized.map((l) => l.lot)).toEqual(['LTLOSS', 'STLOSS', 'STGAIN']);
  });

  it('MINTAX: short-term losses, long-term losses, long-term gains, then short-term gains', () => {
    expect(fourLots('MINTAX', 40).realized.map((l) => l.lot)).toEqual([
      'STLOSS',
      'LTLOSS',
      'LTGAIN',
      'STGAIN',
    ]);
  });

  it('MINTAX takes the largest loss first and the smallest gain first within a category', () => {
    const r = replayOk(
      household(
        { A: 'taxable' },
        [
          buy('2022-01-03', 'A', 'X', 1, 60, 'BIGGAIN'),
          buy('2022-01-04', 'A', 'X', 1, 95, 'SMALLGAIN'),
          buy('2022-01-05', 'A', 'X', 1, 101, 'SMALLLOSS'),
          buy('2022-01-06', 'A', 'X', 1, 130, 'BIGLOSS'),
          sell('2024-06-03', 'A', 'X', 4, 100),
        ],
        { method: 'MINTAX' },
      ),
    );
    expect(r.realized.map((l) => l.lot)).toEqual(['BIGLOSS', 'SMALLLOSS', 'SMALLGAIN', 'BIGGAIN']);
  });

  it('HIFO breaks ties in buy order', () => {
    const r = replayOk(
      household(
        { A: 'taxable' },
        [
          buy('2024-01-02', 'A', 'X', 1, 10, 'FIRST'),
          buy('2024-01-03', 'A', 'X', 1, 10, 'SECOND'),
          sell('2024-01-04', 'A', 'X', 1, 10),
        ],
        { method: 'HIFO' },
      ),
    );
    expect(r.realized[0]!.lot).toBe('FIRST');
  });

  it('SPECID relieves the named lots, splitting none', () => {
    const r = replayOk(
      household(
        { A: 'taxable' },
        [
          buy('2024-01-02', 'A', 'X', 10, 10, 'L1'),
          buy('2024-01-03', 'A', 'X', 10, 20, 'L2'),
          sell('2024-05-01', 'A', 'X', 7, 25, { lots: [{ lot: 'L2', quantity: 7 }] }),
        ],
        { method: 'SPECID' },
      ),
    );
    expect(r.realized).toEqual([
      expect.objectContaining({ lot: 'L2', quantity: 7, costBasis: 140, proceeds: 175, gain: 35 }),
    ]);
    expect(r.openLots.map((l) => [l.lot, l.quantity])).toEqual([
      ['L1', 10],
      ['L2', 3],
    ]);
  });

  it('fees add to a buy basis and come out of sale proceeds; exact proceeds override price', () => {
    const r = replayOk(
      household({ A: 'taxable' }, [
        buy('2024-01-02', 'A', 'X', 3, 10, 'L1', { fee: 1.5 }),
        sell('2024-05-01', 'A', 'X', 3, 12, { proceeds: 35.99, fee: 0.99 }),
      ]),
    );
    expect(r.realized[0]).toMatchObject({ proceeds: 35, costBasis: 31.5, gain: 3.5 });
  });

  it('splits a sale fee and a third of a basis exactly across lots', () => {
    const r = replayOk(
      household({ A: 'taxable' }, [
        buy('2024-01-02', 'A', 'X', 3, 33.33, 'L1', { fee: 0.01 }),
        sell('2024-05-01', 'A', 'X', 1, 40),
        sell('2024-05-02', 'A', 'X', 1, 40),
        sell('2024-05-03', 'A', 'X', 1, 40),
      ]),
    );
    expect(r.realized.map((l) => l.costBasis)).toEqual([33.33, 33.33, 33.33]);
    expect(r.totals.shortTerm).toBe(20.01);
  });
});
