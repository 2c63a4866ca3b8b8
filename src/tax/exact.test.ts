import { describe, expect, it } from 'vitest';
import { cents, exact, roundShares, shares, sum } from './exact.js';

describe('exact', () => {
  it('reads a JSON number from its shortest text, so 0.1 + 0.2 is 0.3 exactly', () => {
    expect(exact(0.1).plus(exact(0.2)).equals(exact(0.3))).toBe(true);
    expect(0.1 + 0.2).not.toBe(0.3);
  });

  it('rounds money half away from zero, once', () => {
    expect(cents(exact('2.675'))).toBe(2.68);
    expect(cents(exact('-2.675'))).toBe(-2.68);
    expect(cents(exact('-0.001'))).toBe(0);
    expect(Object.is(cents(exact('-0.001')), -0)).toBe(false);
  });

  it('keeps a third of a basis exact enough that three thirds make the whole', () => {
    const third = exact(1000).div(3);
    expect(cents(sum([third, third, third]))).toBe(1000);
  });

  it('rounds split quantities to 6 decimals', () => {
    expect(shares(roundShares(exact(100).times(1).div(12)))).toBe(8.333333);
    expect(shares(roundShares(exact('0.0000005')))).toBe(0.000001);
  });
});
