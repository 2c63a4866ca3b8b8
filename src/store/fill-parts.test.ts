import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exact, sum, type Exact } from '../tax/index.js';
import { fillParts } from './fill-parts.js';

const parts = (
  remaining: readonly (string | number)[],
  fill: string | number,
  lotSize?: number,
): string[] => {
  const r = fillParts(
    remaining.map(exact),
    exact(fill),
    lotSize === undefined ? undefined : exact(lotSize),
  );
  if (!r.ok) throw new Error(r.why);
  return r.parts.map((p) => p.toFixed());
};

const refusal = (remaining: readonly (string | number)[], fill: string | number): string => {
  const r = fillParts(remaining.map(exact), exact(fill));
  return r.ok ? 'shared' : r.why;
};

describe('fillParts', () => {
  it('shares whole shares by largest remainder: quotas 30.3, 60.6, 9.09 of 100', () => {
    // 1,000 shares in orders of 300, 600 and 90 (990): quotas 30.30…, 60.60…, 9.09…
    expect(parts([300, 600, 90], 100)).toEqual(['30', '61', '9']);
  });

  it('breaks an exact tie by allocation order, and never leaves a share unplaced', () => {
    expect(parts([10, 10, 10], 2)).toEqual(['1', '1', '0']);
    expect(parts([10, 10, 10], 1)).toEqual(['1', '0', '0']);
  });

  it('gives every allocation what it needs when the fill is all that remains', () => {
    expect(parts(['100', '5.5', '12.25'], '117.75')).toEqual(['100', '5.5', '12.25']);
    expect(parts(['0', '7'], '7')).toEqual(['0', '7']);
  });

  it('keeps a whole-share allocation whole; fractional ones take the fraction, pro rata to their room', () => {
    // Quotas 42.46…, 2.335…, 5.201…: the whole allocation rounds down to 42 and the 0.46 left
    // goes to the two fractional ones in proportion to what they can still take.
    // Quotas rounded down: 42, 2.335457 (with the millionth its remainder earns), 5.201699;
    // 0.462844 left, shared 3.164543 : 7.048301 (their room).
    expect(parts(['100', '5.5', '12.25'], '50')).toEqual(['42', '2.478873', '5.521127']);
  });

  it('keeps round-lot allocations in round lots: 400 of 300, 500 and 200 in lots of 100', () => {
    // Quotas 120, 200, 80: in lots 100, 200, 0, and the lot left goes to the closest (80).
    expect(parts([300, 500, 200], 400, 100)).toEqual(['100', '200', '100']);
    expect(parts([300, 500, 200], 400)).toEqual(['120', '200', '80']);
  });

  it('gives the odd shares of an odd-lot fill to one account, the one furthest below its quota', () => {
    // Quotas 135, 225, 90: lots 100, 200, 100; the 50 odd shares all go to the first (35 short).
    expect(parts([300, 500, 200], 450, 100)).toEqual(['150', '200', '100']);
    // An allocation that closes a position (130, not in lots) trades whole shares: quotas
    // 139.5…, 60.4…; lots 100, shares 61 (its remainder .47 beats .395), 39 odd shares left.
    expect(parts([300, 130], 200, 100)).toEqual(['139', '61']);
  });

  it('refuses a fill above what remains, at or below zero, or off the millionth grid', () => {
    expect(refusal([10, 5], 16)).toBe(
      'quantity 16 is more than the 15 shares the order still needs',
    );
    expect(refusal([10, 5], 0)).toBe('quantity must be above 0; got 0');
    expect(refusal([10, 5], -1)).toBe('quantity must be above 0; got -1');
    expect(refusal(['10.5'], '1.0000001')).toBe('quantity 1.0000001 has more than 6 decimals');
  });

  it('refuses a fractional fill that only whole-share allocations could take', () => {
    expect(refusal([10, 20], '2.5')).toBe(
      'quantity 2.5 cannot be shared in whole shares: fill a whole number of shares, or the whole rest of the order',
    );
    expect(refusal([10, '0.5'], '2.5')).toBe('shared');
  });

  it('throws on remaining shares off the grid: the store never writes them', () => {
    expect(() => fillParts([exact('1.0000001')], exact(1))).toThrow(/off the millionth grid/);
  });

  // Allocations in millionths of a share, whole or not, and a fill on the grid up to their sum.
  const allocations = fc
    .array(
      fc.oneof(
        fc.integer({ min: 0, max: 5_000 }).map((n) => n * 1_000_000),
        fc.integer({ min: 0, max: 5_000_000_000 }),
      ),
      { minLength: 1, maxLength: 12 },
    )
    .filter((a) => a.some((n) => n > 0));
  const micros = (n: number): Exact => exact(n).dividedBy(1_000_000);

  it('property: parts add up to the fill, none above its need, whole allocations whole, each within a share of its quota when all are whole', () => {
    fc.assert(
      fc.property(allocations, fc.double({ min: 0, max: 1, noNaN: true }), (alloc, share) => {
        const total = alloc.reduce((s, n) => s + n, 0);
        const fillMicros = Math.max(1, Math.floor(total * share));
        const remaining = alloc.map(micros);
        const fill = micros(fillMicros);
        const r = fillParts(remaining, fill);
        const allWhole = alloc.every((n) => n % 1_000_000 === 0);
        if (!r.ok) {
          // Only a fractional fill of whole-share allocations is refused.
          expect(allWhole && fillMicros % 1_000_000 !== 0).toBe(true);
          return;
        }
        expect(sum(r.parts).equals(fill)).toBe(true);
        for (const [i, p] of r.parts.entries()) {
          expect(p.greaterThanOrEqualTo(0) && p.lessThanOrEqualTo(remaining[i]!)).toBe(true);
          expect(p.times(1_000_000).isInteger()).toBe(true);
          if (alloc[i]! % 1_000_000 === 0) expect(p.isInteger()).toBe(true);
          if (allWhole) {
            const quota = remaining[i]!.times(fill).dividedBy(sum(remaining));
            expect(p.minus(quota).abs().lessThan(1)).toBe(true);
          }
        }
      }),
      { numRuns: 400, seed: 20261207 },
    );
  });

  it('property: with a lot size, parts still add up and stay whole, and a fill in lots of allocations in lots is shared in lots', () => {
    const lotted = fc.record({
      lot: fc.integer({ min: 2, max: 500 }),
      alloc: fc.array(
        fc.oneof(
          fc.integer({ min: 0, max: 40 }).map((n) => ({ lots: n, odd: 0 })),
          fc.record({
            lots: fc.integer({ min: 0, max: 40 }),
            odd: fc.integer({ min: 1, max: 99 }),
          }),
        ),
        { minLength: 1, maxLength: 10 },
      ),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
      inLots: fc.boolean(),
    });
    fc.assert(
      fc.property(lotted, ({ lot, alloc, share, inLots }) => {
        const need = alloc.map((a) => a.lots * lot + a.odd);
        const total = need.reduce((s, n) => s + n, 0);
        if (total === 0) return;
        const lotsOnly = alloc.every((a) => a.odd === 0);
        const fillShares =
          inLots && lotsOnly
            ? Math.max(1, Math.floor((total / lot) * share)) * lot
            : Math.max(1, Math.floor(total * share));
        const r = fillParts(need.map(exact), exact(fillShares), exact(lot));
        if (!r.ok) throw new Error(r.why);
        expect(sum(r.parts).equals(exact(fillShares))).toBe(true);
        for (const [i, p] of r.parts.entries()) {
          expect(p.isInteger() && p.greaterThanOrEqualTo(0) && p.lessThanOrEqualTo(need[i]!)).toBe(
            true,
          );
          if (inLots && lotsOnly) expect(p.modulo(lot).isZero()).toBe(true);
        }
        // Odd shares land on at most as many lot allocations as lots could not absorb them.
        if (lotsOnly && fillShares % lot !== 0) {
          const odd = r.parts.filter((p) => !p.modulo(lot).isZero()).length;
          expect(odd).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 400, seed: 20261207 },
    );
  });

  it('property: fills that add up to the order fill every allocation exactly', () => {
    fc.assert(
      fc.property(
        allocations,
        fc.array(fc.double({ min: 0.05, max: 0.9, noNaN: true }), { maxLength: 5 }),
        (alloc, shares) => {
          let need = alloc.map(micros);
          for (const s of shares) {
            const left = sum(need);
            if (left.isZero()) break;
            const fill = left.times(s).floor();
            if (!fill.greaterThan(0)) continue;
            const r = fillParts(need, fill);
            if (!r.ok) continue;
            need = need.map((n, i) => n.minus(r.parts[i]!));
          }
          const last = fillParts(need, sum(need));
          if (sum(need).isZero()) return;
          expect(last.ok && last.parts.every((p, i) => p.equals(need[i]!))).toBe(true);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});
