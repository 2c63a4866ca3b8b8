import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exact, roundShares, sum, type Exact } from './exact.js';

const ONE = exact(1);
import { scaleShares } from './scale-shares.js';

const text = (xs: Exact[]): string[] => xs.map((x) => x.toString());

describe('scaleShares', () => {
  it('keeps a position whose parts each round down: 0.333333 + 0.333333 + 0.333334 → 0.1', () => {
    const parts = ['0.333333', '0.333333', '0.333334'].map(exact);
    // Rounded one by one they come to 0.099999; the largest remainder gets the last millionth.
    expect(text(parts.map((q) => roundShares(q.div(10))))).toEqual([
      '0.033333',
      '0.033333',
      '0.033333',
    ]);
    expect(text(scaleShares(parts, ONE, exact(10)))).toEqual(['0.033333', '0.033333', '0.033334']);
  });

  it('gives a tie to the earlier lot, and takes back what rounding each lot up would add', () => {
    // 0.4 × 0.000001 each: nothing per lot, one millionth for the position of 1.2 shares.
    const lots = ['0.4', '0.4', '0.4'].map(exact);
    expect(text(scaleShares(lots, exact('0.000001'), ONE))).toEqual(['0.000001', '0', '0']);
    // 0.123455 + 0.876545 = 1 at 1/10: half up one by one would make 0.100001; both remainders
    // are half a millionth, and the earlier lot gets it.
    expect(text(scaleShares(['0.123455', '0.876545'].map(exact), ONE, exact(10)))).toEqual([
      '0.012346',
      '0.087654',
    ]);
  });

  it('changes nothing that is exact: a 2-for-1 split doubles every lot', () => {
    expect(text(scaleShares(['1.5', '0.000001', '7'].map(exact), exact(2), ONE))).toEqual([
      '3',
      '0.000002',
      '14',
    ]);
  });

  it('sums to the position rounded once, each lot within a millionth of its exact share', () => {
    const quantity = fc
      .integer({ min: 1, max: 10_000_000_000 })
      .map((units) => exact(units).div(1_000_000));
    // "new:old" ratios (1/14 never terminates) and stock dividends or spin-off ratios.
    const ratio = fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 })),
      fc.tuple(fc.integer({ min: 1, max: 5_000_000 }), fc.constant(1_000_000)),
    );
    fc.assert(
      fc.property(fc.array(quantity, { minLength: 1, maxLength: 12 }), ratio, (qs, [n, o]) => {
        const out = scaleShares(qs, exact(n), exact(o));
        expect(sum(out).equals(roundShares(sum(qs).times(n).div(o)))).toBe(true);
        out.forEach((x, i) => {
          expect(x.decimalPlaces()).toBeLessThanOrEqual(6);
          expect(x.minus(qs[i]!.times(n).div(o)).abs().lessThan(exact('0.000001'))).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('breaks ties of remainders equal in exact arithmetic by buy order, not by rounding noise', () => {
    // 4/7 and 11/7 of a millionth: both remainders are 4/7, but 11/7·10⁻⁶ keeps fewer decimals of
    // its 50 digits than 4/7·10⁻⁶. The position (15/7 → 0.000002) has one millionth to give.
    const lots = ['0.000004', '0.000011'].map(exact);
    expect(text(scaleShares(lots, ONE, exact(7)))).toEqual(['0.000001', '0.000001']);
    expect(text(scaleShares([...lots].reverse(), ONE, exact(7)))).toEqual(['0.000002', '0']);
  });

  it("keeps a purchase's parts at the purchase's share: 67.89 in wash-sale parts, 3-for-2", () => {
    // Two purchases, each split by a wash sale: L3 (0.305667 + 108.333333) and L5 (8.694333 +
    // 59.195667 = 67.89, whose 101.835 after the split is on the grid).
    const lots = ['0.305667', '108.333333', '8.694333', '59.195667'].map(exact);
    const purchases = ['L3', 'L3', 'L5', 'L5'];
    const byLot = scaleShares(lots, exact(3), exact(2));
    expect(sum(byLot.slice(2)).toString()).toBe('101.834999');
    const byPurchase = scaleShares(lots, exact(3), exact(2), purchases);
    expect(text(byPurchase)).toEqual(['0.458501', '162.499999', '13.0415', '88.7935']);
    expect(sum(byPurchase.slice(2)).toString()).toBe('101.835');
    expect(sum(byPurchase).equals(sum(byLot))).toBe(true);
  });

  it('property: with purchases, the position and every purchase on the grid are kept, each lot within a millionth', () => {
    const part = fc.integer({ min: 1, max: 2_000_000_000 }).map((u) => exact(u).div(1_000_000));
    const ratio = fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }));
    const lots = fc.array(fc.tuple(part, fc.integer({ min: 0, max: 4 })), {
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(lots, ratio, (ls, [n, o]) => {
        const qs = ls.map(([q]) => q);
        const purchases = ls.map(([, p]) => `P${p}`);
        const out = scaleShares(qs, exact(n), exact(o), purchases);
        expect(sum(out).equals(roundShares(sum(qs).times(n).div(o)))).toBe(true);
        out.forEach((x, i) => {
          expect(x.decimalPlaces()).toBeLessThanOrEqual(6);
          expect(x.minus(qs[i]!.times(n).div(o)).abs().lessThan(exact('0.000001'))).toBe(true);
        });
        for (const p of new Set(purchases)) {
          const mine = (xs: Exact[]) => sum(xs.filter((_, i) => purchases[i] === p));
          const scaled = mine(qs).times(n).div(o);
          if (scaled.decimalPlaces() <= 6) expect(mine(out).equals(scaled)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
