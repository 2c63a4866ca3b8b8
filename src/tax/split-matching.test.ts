import { describe, expect, it } from 'vitest';
import { exact } from './exact.js';
import { matchAcrossSplits, type ShareRatio } from './split-matching.js';

const ratio = (newShares: number, oldShares: number): ShareRatio => ({
  newShares: exact(newShares),
  oldShares: exact(oldShares),
});
const text = (m: ReturnType<typeof matchAcrossSplits>) =>
  m && { sold: m.sold.toString(), bought: m.bought.toString() };

describe('matchAcrossSplits', () => {
  it('without a split matches one for one', () => {
    expect(text(matchAcrossSplits(exact(30), exact(100), null))).toEqual({
      sold: '30',
      bought: '30',
    });
    expect(text(matchAcrossSplits(exact(130), exact(100), null))).toEqual({
      sold: '100',
      bought: '100',
    });
  });

  it('after a 1-for-10 reverse split, 10 shares replace 100 sold', () => {
    expect(text(matchAcrossSplits(exact(10), exact(100), ratio(1, 10)))).toEqual({
      sold: '100',
      bought: '10',
    });
    expect(text(matchAcrossSplits(exact(4), exact(100), ratio(1, 10)))).toEqual({
      sold: '40',
      bought: '4',
    });
  });

  it('after a 2-for-1 split, 100 shares replace 50 sold; the rest of a larger purchase stays free', () => {
    expect(text(matchAcrossSplits(exact(100), exact(80), ratio(2, 1)))).toEqual({
      sold: '50',
      bought: '100',
    });
    expect(text(matchAcrossSplits(exact(300), exact(80), ratio(2, 1)))).toEqual({
      sold: '80',
      bought: '160',
    });
  });

  it('takes replacing shares on the 6-decimal grid even when the rest of a sale is not', () => {
    // 91 shares after a 3-for-1 split covered 30.333… of 100 sold shares.
    const first = matchAcrossSplits(exact(91), exact(100), ratio(3, 1))!;
    expect(first.bought.toString()).toBe('91');
    const need = exact(100).minus(first.sold);
    const next = matchAcrossSplits(exact(500), need, null)!;
    expect(next.sold.equals(need)).toBe(true);
    expect(next.bought.toString()).toBe('69.666667');
  });

  it('matches nothing when the replacing shares round to 0', () => {
    expect(matchAcrossSplits(exact(5), exact('0.000001'), ratio(1, 10))).toBeNull();
  });
});
