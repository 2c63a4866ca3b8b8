import { describe, expect, it } from 'vitest';
import { dailyReturns } from './returns-panel.js';

describe('dailyReturns', () => {
  it('gives simple returns and loses both returns around a missing close', () => {
    const closes = Float64Array.from([100, 10, 110, Number.NaN, 99, 12, 99, 12]);
    const panel = dailyReturns(['A', 'B'], closes, 4);
    expect(panel.days).toBe(3);
    expect(panel.values[0]).toBeCloseTo(0.1, 12);
    expect(panel.values[1]).toBeNaN();
    expect(panel.values[2]).toBeCloseTo(-0.1, 12);
    expect(panel.values[3]).toBeNaN();
    expect(panel.values[4]).toBe(0);
    expect(panel.values[5]).toBe(0);
  });

  it('rejects a wrongly sized price table', () => {
    expect(() => dailyReturns(['A'], new Float64Array(3), 2)).toThrow(RangeError);
  });
});
