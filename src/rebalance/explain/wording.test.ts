import { describe, expect, it } from 'vitest';
import { bps, money, trackingErrorSaved, twoDigits } from './wording.js';

describe('wording', () => {
  it('converts a risk-term drop into tracking error', () => {
    // λ = 50, TE = 1%: 2λ·TE = 1, so a drop of 1e-6 saves ≈ 1e-6 of TE.
    expect(trackingErrorSaved(1e-6, 50, 0.01)).toBeCloseTo(1e-6, 9);
    // Never more than the whole tracking error.
    expect(trackingErrorSaved(1, 50, 0.01)).toBe(0.01);
    expect(trackingErrorSaved(1e-6, 0, 0.01)).toBe(0);
  });

  it('writes numbers plainly', () => {
    expect(twoDigits(12.34)).toBe('12');
    expect(twoDigits(0.0456)).toBe('0.046');
    expect(twoDigits(123.4)).toBe('123');
    expect(bps(0.0012)).toBe('12 bps');
    expect(bps(0.0001)).toBe('1 bp');
    expect(money(1234.5)).toBe('$1,235');
    expect(money(1234567)).toBe('$1,234,567');
    expect(money(0.791)).toBe('$0.79');
  });
});
