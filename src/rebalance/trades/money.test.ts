import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cents, exact, roundCents } from '../../tax/index.js';
import { ExactSum, exactShareSum, tradeCents } from './money.js';
import { multiple } from './quantities.js';

/** Amounts as they arrive: cents, whole shares, millionths, and arbitrary floats. */
const amount = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100),
  fc.integer({ min: 0, max: 1e7 }),
  fc.integer({ min: 0, max: 1e12 }).map((u) => u / 1e6),
  fc.double({ min: -1e7, max: 1e7, noNaN: true }),
  fc.constantFrom(0.1 + 0.2, 0.005, -0.015, 1e-7, 123456789.123456),
);

describe('exact money on scaled integers', () => {
  it('values a trade as decimal.js does: q × p rounded once to the cent, half away from zero', () => {
    fc.assert(
      fc.property(amount, amount, (q, p) => {
        const expected = roundCents(exact(q).times(exact(p)))
          .times(100)
          .toNumber();
        expect(tradeCents(q, p)).toBe(expected === 0 ? 0 : expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('sums amounts and products exactly, as decimal.js does', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(amount, amount), { maxLength: 8 }), (terms) => {
        const sum = new ExactSum();
        let expected = exact(0);
        terms.forEach(([a, b], k) => {
          if (k % 2 === 0) {
            sum.add(a).minus(b);
            expected = expected.plus(exact(a)).minus(exact(b));
          } else {
            sum.addProduct(a, b);
            expected = expected.plus(exact(a).times(exact(b)));
          }
        });
        expect(sum.toExact().eq(expected)).toBe(true);
        expect(sum.toNumber()).toBe(expected.toNumber());
        expect(sum.cents()).toBe(cents(expected));
      }),
      { numRuns: 2000 },
    );
  });

  it('adds share quantities and forms multiples of a step exactly', () => {
    fc.assert(
      fc.property(amount, amount, fc.integer({ min: 0, max: 1e8 }), (a, b, k) => {
        expect(exactShareSum(a, b)).toBe(exact(a).plus(exact(b)).toNumber());
        const step = Math.abs(b) > 0 ? Math.abs(b) : 1e-6;
        expect(multiple(k, step)).toBe(exact(step).times(k).toNumber());
      }),
      { numRuns: 2000 },
    );
  });

  it('rounds half away from zero', () => {
    expect(tradeCents(3, 0.005)).toBe(2);
    expect(ExactSum.of(-0.015).cents()).toBe(-0.02);
    expect(ExactSum.of(0.1).add(0.2).toNumber()).toBe(0.3);
  });
});
