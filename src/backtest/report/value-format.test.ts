import { describe, expect, it } from 'vitest';
import { formatValue } from './value-format.js';
import { niceScale } from './nice-ticks.js';

describe('formatValue', () => {
  it('formats dollars compactly', () => {
    expect(formatValue('usd', 1_200_000)).toBe('$1.2M');
    expect(formatValue('usd', 350_000)).toBe('$350k');
    expect(formatValue('usd', 1_234_567)).toBe('$1.23M');
    expect(formatValue('usd', -2_500)).toBe('-$2.5k');
    expect(formatValue('usd', 42)).toBe('$42');
    expect(formatValue('usd', 0)).toBe('$0');
  });

  it('formats fractions as percentages', () => {
    expect(formatValue('percent', 0.0125)).toBe('1.25%');
    expect(formatValue('percent', -0.004)).toBe('-0.40%');
    expect(formatValue('percent', -1e-9)).toBe('0.00%');
  });

  it('uses the tick step to keep neighbouring labels apart', () => {
    expect(formatValue('usd', 1_150_000, 50_000)).toBe('$1.15M');
    expect(formatValue('usd', 0, 250_000)).toBe('$0');
    expect(formatValue('percent', 0.015, 0.005)).toBe('1.5%');
    expect(formatValue('percent', 0.0075, 0.0025)).toBe('0.75%');
    expect(formatValue('usd', 1_250_000, 250_000)).toBe('$1.25M');
    expect(formatValue('number', 12_000, 2_000)).toBe('12k');
  });

  it('says n/a for non-finite values', () => {
    expect(formatValue('usd', Number.NaN)).toBe('n/a');
  });
});

describe('niceScale', () => {
  it('covers the range with about five round ticks', () => {
    const scale = niceScale(0.3, 9.7);
    expect(scale.ticks).toEqual([0, 2, 4, 6, 8, 10]);
    expect(scale.min).toBeLessThanOrEqual(0.3);
    expect(scale.max).toBeGreaterThanOrEqual(9.7);
  });

  it('avoids floating-point noise and handles a flat range', () => {
    expect(niceScale(-0.004, 0.012).ticks).toEqual([-0.005, 0, 0.005, 0.01, 0.015]);
    expect(niceScale(5, 5).ticks.length).toBeGreaterThan(1);
  });
});
