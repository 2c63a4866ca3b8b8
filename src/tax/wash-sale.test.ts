/** The nine wash-sale policy rules of the interchange spec, one story each. */
import { describe, expect, it } from 'vitest';
import type { LedgerTransaction } from '../domain/index.js';
import { buy, household, openLot, replayOk, sell } from './test-support/history.js';

const T = { A: 'taxable' } as const;

describe('wash-sale policy', () => {
  it('rule 1: a purchase 31 days after the loss sale is outside the window; 30 days is inside', () => {
    const outside = replayOk(
      household(T, [
        buy('2024-01-02', 'A', 'X', 10, 10, 'B1'),
        sell('2024-03-01', 'A', 'X', 10, 8),
        buy('2024-04-01', 'A', 'X', 10, 8, 'B2'),
      ]),
    );
    expect(outside.realized[0]!.washSaleDisallowed).toBe(0);
    const inside = replayOk(
      household(T, [
        buy('2024-01-02', 'A', 'X', 10, 10, 'B1'),
        sell('2024-03-01', 'A', 'X', 10, 8),
        buy('2024-03-31', 'A', 'X', 10, 8, 'B2'),
      ]),
    );
    expect(inside.realized[0]!.washSaleDisallowed).toBe(20);
  });

  it('rule 1: gains are never affected', () => {
    const r = replayOk(
      household(T, [
        buy('2024-01-02', 'A', 'X', 10, 10, 'B1'),
        sell('2024-03-01', 'A', 'X', 10, 12),
        buy('2024-03-05', 'A', 'X', 10, 12, 'B2'),
      ]),
    );
    expect(r.realized[0]).toMatchObject({ gain: 20, washSaleDisallowed: 0 });
    expect(openLot(r, 'B2').washSaleAdjustment).toBe(0);
  });

  it('rule 1: members of a wash group are substantially identical, across accounts', () => {
    const r = replayOk(
      household(
        { A: 'taxable', B: 'taxable' },
        [
          buy('2024-01-02', 'A', 'SPY', 10, 500, 'S1'),
          sell('2024-03-01', 'A', 'SPY', 10, 450),
          buy('2024-03-10', 'B', 'IVV', 4, 460, 'I1'),
          buy('2024-03-11', 'B', 'QQQ', 10, 400, 'Q1'),
        ],
        { washGroups: [['SPY', 'IVV', 'VOO']] },
      ),
    );
    expect(r.realized[0]!.washSaleDisallowed).toBe(200);
    expect(openLot(r, 'I1')).toMatchObject({ costBasis: 2040, washSaleAdjustment: 200 });
    expect(openLot(r, 'Q1').washSaleAdjustment).toBe(0);
  });

  it('rule 2: a lot partly a replacement is split; the parts carry suffixes, adjusted part first', () => {
    const r = replayOk(
      household(T, [
        buy('2024-01-02', 'A', 'X', 10, 10, 'B1'),
        sell('2024-03-01', 'A', 'X', 10, 8),
        buy('2024-03-05', 'A', 'X', 25, 8, 'B2'),
      ]),
    );
    expect(r.openLots.map((l) => [l.lot, l.quantity, l.costBasis, l.washSaleAdjustment])).toEqual([
      ['B2.1', 10, 100, 20],
      ['B2.2', 15, 120, 0],
    ]);
  });

  it('rule 2: loss sales earliest first; each bought share replaces one sold share', () => {
    const r = replayOk(
      household(T, [
        buy('2024-01-02', 'A', 'X', 20, 10, 'B1'),
        sell('2024-03-01', 'A', 'X', 10, 8),
        sell('2024-03-02', 'A', 'X', 10, 7),
        buy('2024-03-05', 'A', 'X', 15, 7, 'B2'),
      ]),
    );
    expect(r.realized.map((l) => l.washSaleDisallowed)).toEqual([20, 15]);
    expect(r.openLots.map((l) => [l.lot, l.quantity, l.washSaleAdjustment])).toEqual([
      ['B2.1', 10, 20],
      ['B2.2', 5, 15],
    ]);
  });

  it('rule 3: shares sold in the same sale are not replacements', () => {
    const r = replayOk(
      household(T, [
        buy('2024-02-20', 'A', 'X', 10, 10, 'B1'),
        buy('2024-02-25', 'A', 'X', 10, 10, 'B2'),
        sell('2024-03-01', 'A', 'X', 20, 8),
      ]),
    );
    expect(r.realized.map((l) => l.washSaleDisallowed)).toEqual([0, 0]);
  });

  it('rule 4: shares bought before the sold lot still count (literal reading)', () => {
    const r = replayOk(
      household(
        T,
        [
          buy('2024-02-01', 'A', 'X', 10, 9, 'EARLY'),
          buy('2024-02-10', 'A', 'X', 10, 10, 'LATE'),
          sell('2024-03-01', 'A', 'X', 10, 8, { lots: [{ lot: 'LATE', quantity: 10 }] }),
        ],
        { method: 'SPECID' },
      ),
    );
    expect(r.realized[0]).toMatchObject({ lot: 'LATE', washSaleDisallowed: 20 });
    expect(openLot(r, 'EARLY')).toMatchObject({ costBasis: 110, acquired: '2024-01-12' });
  });

  it('rule 5: holding period tacks, so a replacement can become long-term sooner', () => {
    const r = replayOk(
      household(T, [
        buy('2023-01-03', 'A', 'X', 10, 10, 'B1'),
        sell('2023-12-01', 'A', 'X', 10, 8),
        buy('2023-12-15', 'A', 'X', 10, 8, 'B2'),
        sell('2024-02-01', 'A', 'X', 10, 12),
      ]),
    );
    const second = r.realized[1]!;
    expect(second).toMatchObject({
      acquired: '2023-01-17',
      term: 'long',
      costBasis: 100,
      gain: 20,
    });
  });

  it('rule 6: a replacement bought in a Roth disallows permanently', () => {
    const r = replayOk(
      household({ A: 'taxable', R: 'exempt' }, [
        buy('2024-01-02', 'A', 'X', 10, 10, 'B1'),
        buy('2024-02-25', 'R', 'X', 10, 8, 'R1'),
        sell('2024-03-01', 'A', 'X', 10, 8),
      ]),
    );
    expect(r.realized[0]).toMatchObject({ washSaleDisallowed: 20, washSalePermanent: true });
    expect(openLot(r, 'R1')).toMatchObject({ costBasis: 80, washSaleAdjustment: 0 });
  });

  it('rule 7: a loss in a deferred account realizes nothing taxable and triggers nothing', () => {
    const r = replayOk(
      household({ A: 'taxable', IRA: 'deferred' }, [
        buy('2024-01-02', 'IRA', 'X', 10, 10, 'I1'),
        sell('2024-03-01', 'IRA', 'X', 10, 8),
        buy('2024-03-05', 'A', 'X', 10, 8, 'B1'),
      ]),
    );
    expect(r.realized[0]).toMatchObject({ gain: -20, washSaleDisallowed: 0, term: 'short' });
    expect(openLot(r, 'B1').washSaleAdjustment).toBe(0);
    expect(r.totals).toEqual({ shortTerm: 0, longTerm: 0, washSaleDisallowed: 0 });
  });

  it('rule 8: shares already sold before the loss sale are not replacements', () => {
    const r = replayOk(
      household(
        T,
        [
          buy('2024-01-02', 'A', 'X', 10, 10, 'B1'),
          buy('2024-02-20', 'A', 'X', 10, 12, 'B2'),
          sell('2024-02-25', 'A', 'X', 10, 13, { lots: [{ lot: 'B2', quantity: 10 }] }),
          sell('2024-03-01', 'A', 'X', 10, 8, { lots: [{ lot: 'B1', quantity: 10 }] }),
        ],
        { method: 'SPECID' },
      ),
    );
    expect(r.realized.map((l) => l.washSaleDisallowed)).toEqual([0, 0]);
    expect(r.totals.shortTerm).toBe(10 - 20);
  });

  it('rule 9: FIFO follows purchase dates, not tacked starts, and relieves an adjusted part first', () => {
    const r = replayOk(
      household(T, [
        buy('2024-01-02', 'A', 'X', 10, 10, 'B1'),
        buy('2024-01-10', 'A', 'X', 10, 9, 'C'),
        sell('2024-03-01', 'A', 'X', 10, 8),
        buy('2024-03-05', 'A', 'X', 15, 8, 'B2'),
        sell('2024-04-15', 'A', 'X', 12, 9),
      ]),
    );
    // B2.1 starts 2024-01-06 (tacked), before C's 2024-01-10, yet C was bought first.
    expect(r.realized.slice(1).map((l) => [l.lot, l.quantity, l.acquired])).toEqual([
      ['C', 10, '2024-01-10'],
      ['B2.1', 2, '2024-01-06'],
    ]);
    expect(r.openLots.map((l) => [l.lot, l.quantity])).toEqual([
      ['B2.1', 8],
      ['B2.2', 5],
    ]);
  });

  it('chains: a replacement later sold at a loss carries the adjustment and can be washed again', () => {
    const r = replayOk(
      household(T, [
        buy('2024-01-02', 'A', 'X', 10, 10, 'B1'),
        sell('2024-03-01', 'A', 'X', 10, 8),
        buy('2024-03-05', 'A', 'X', 10, 8, 'B2'),
        sell('2024-04-01', 'A', 'X', 10, 7),
        buy('2024-04-10', 'A', 'X', 10, 7, 'B3'),
      ]),
    );
    expect(r.realized[1]).toMatchObject({ costBasis: 100, gain: -30, washSaleDisallowed: 30 });
    expect(openLot(r, 'B3')).toMatchObject({
      costBasis: 100,
      washSaleAdjustment: 30,
      acquired: '2024-01-15',
    });
  });
});

describe('wash-sale matching across a split (a later purchase counted in sold shares)', () => {
  /** 100 X bought at $10 and sold at $8 on 2024-03-01: a $200 loss; then `after`. */
  const lossThen = (...after: LedgerTransaction[]) =>
    replayOk(
      household(
        T,
        [
          buy('2024-01-02', 'A', 'X', 100, 10, 'B1'),
          sell('2024-03-01', 'A', 'X', 100, 8),
          ...after,
        ],
        { washGroups: [['X', 'W']] },
      ),
    );

  it('after a 1-for-10 reverse split, 10 new shares replace all 100 sold: the whole loss is washed', () => {
    const r = lossThen(
      { date: '2024-03-05', security: 'X', split: '1:10' },
      buy('2024-03-10', 'A', 'X', 10, 80, 'B2'),
    );
    expect(r.realized[0]).toMatchObject({ gain: -200, washSaleDisallowed: 200 });
    expect(openLot(r, 'B2')).toMatchObject({
      quantity: 10,
      costBasis: 1000,
      washSaleAdjustment: 200,
    });
  });

  it('after a 2-for-1 split, 100 new shares replace 50 sold: half the loss is washed', () => {
    const r = lossThen(
      { date: '2024-03-05', security: 'X', split: 2 },
      buy('2024-03-10', 'A', 'X', 100, 4, 'B2'),
    );
    expect(r.realized[0]).toMatchObject({ gain: -200, washSaleDisallowed: 100 });
    expect(openLot(r, 'B2')).toMatchObject({ costBasis: 500, washSaleAdjustment: 100 });
  });

  it("a split under an earlier ticker of the purchase's company converts too", () => {
    const r = lossThen(
      { date: '2024-03-03', security: 'X', renameTo: 'Y' },
      { date: '2024-03-05', security: 'Y', split: 2 },
      buy('2024-03-10', 'A', 'Y', 100, 4, 'B2'),
    );
    expect(r.realized[0]!.washSaleDisallowed).toBe(100);
  });

  it("only splits of the purchase's own company convert: a wash-group member is matched one for one", () => {
    const soldSplits = lossThen(
      { date: '2024-03-05', security: 'X', split: 2 },
      buy('2024-03-10', 'A', 'W', 40, 8, 'B2'),
    );
    expect(soldSplits.realized[0]!.washSaleDisallowed).toBe(80);
    const memberSplits = lossThen(
      { date: '2024-03-05', security: 'W', split: 2 },
      buy('2024-03-10', 'A', 'W', 40, 4, 'B2'),
    );
    expect(memberSplits.realized[0]!.washSaleDisallowed).toBe(40);
  });

  it('a split before the sale converts nothing: sale and purchase count the same shares', () => {
    const r = replayOk(
      household(T, [
        buy('2024-01-02', 'A', 'X', 100, 10, 'B1'),
        { date: '2024-02-01', security: 'X', split: 2 },
        sell('2024-03-01', 'A', 'X', 200, 4),
        buy('2024-03-10', 'A', 'X', 200, 4, 'B2'),
      ]),
    );
    expect(r.realized[0]).toMatchObject({ gain: -200, washSaleDisallowed: 200 });
  });
});

describe('wash-sale lot parts', () => {
  it('never reuse an id the account already has: a user lot named B2.1 stays distinct', () => {
    const r = replayOk(
      household({ A: 'taxable' }, [
        buy('2024-01-02', 'A', 'X', 10, 10, 'B1'),
        buy('2024-01-03', 'A', 'Y', 1, 10, 'B2.1'),
        sell('2024-03-01', 'A', 'X', 10, 8),
        buy('2024-03-05', 'A', 'X', 25, 8, 'B2'),
      ]),
    );
    expect(r.openLots.map((l) => [l.security, l.lot, l.quantity])).toEqual([
      ['X', 'B2.3', 10],
      ['X', 'B2.4', 15],
      ['Y', 'B2.1', 1],
    ]);
  });

  it('naming a split lot in a sell relieves only its own parts, not a lot whose id extends it', () => {
    const r = replayOk(
      household(
        { A: 'taxable' },
        [
          buy('2024-01-02', 'A', 'X', 10, 10, 'B1'),
          buy('2024-01-03', 'A', 'X', 1, 10, 'B2.9'),
          sell('2024-03-01', 'A', 'X', 10, 8, { lots: [{ lot: 'B1', quantity: 10 }] }),
          buy('2024-03-05', 'A', 'X', 25, 8, 'B2'),
          sell('2024-06-03', 'A', 'X', 12, 9, { lots: [{ lot: 'B2', quantity: 12 }] }),
        ],
        { method: 'SPECID' },
      ),
    );
    // B2.9 was bought 58 days before the loss sale: not a replacement, and not a part of B2.
    expect(r.realized.slice(1).map((l) => [l.lot, l.quantity])).toEqual([
      ['B2.1', 10],
      ['B2.2', 2],
    ]);
    expect(r.openLots.map((l) => [l.lot, l.quantity])).toEqual([
      ['B2.9', 1],
      ['B2.2', 13],
    ]);
  });
});

describe('continuing a history from its open lots', () => {
  it('keeps the trade date, tacked start and wash-sale adjustment of a replacement', () => {
    const first = replayOk(
      household({ A: 'taxable' }, [
        buy('2024-01-02', 'A', 'X', 10, 10, 'B1'),
        sell('2024-03-01', 'A', 'X', 10, 8),
        buy('2024-03-05', 'A', 'X', 25, 8, 'B2'),
      ]),
    );
    const openingLots = first.openLots.map(
      ({ account, security, lot, quantity, costBasis, acquired, bought, washSaleAdjustment }) => ({
        account,
        security,
        lot,
        quantity,
        costBasis,
        acquired,
        bought,
        washSaleAdjustment,
      }),
    );
    const second = replayOk(
      household(
        { A: 'taxable' },
        [sell('2024-06-03', 'A', 'X', 12, 9, { lots: [{ lot: 'B2', quantity: 12 }] })],
        {
          openingLots,
        },
      ),
    );
    expect(second.realized.map((l) => [l.lot, l.quantity, l.costBasis, l.acquired])).toEqual([
      ['B2.1', 10, 100, '2024-01-06'],
      ['B2.2', 2, 16, '2024-03-05'],
    ]);
    expect(second.openLots).toEqual([
      {
        account: 'A',
        security: 'X',
        lot: 'B2.2',
        quantity: 13,
        costBasis: 104,
        acquired: '2024-03-05',
        washSaleAdjustment: 0,
      },
    ]);
  });
});
