import { describe, expect, it } from 'vitest';
import { cscFromTriplets } from './csc.js';
import { RowMajor } from './row-major.js';

describe('RowMajor', () => {
  // [[1, 0, 2], [0, 3, 4]]
  const M = cscFromTriplets(2, 3, [0, 0, 1, 1], [0, 2, 1, 2], [1, 2, 3, 4]);

  it('multiplies by rows with the values of the CSC matrix', () => {
    const R = new RowMajor(M);
    R.load(M.values);
    const x = Float64Array.of(1, 10, 100);
    expect([R.rowDot(0, x), R.rowDot(1, x)]).toEqual([201, 430]);
    const out = new Float64Array(3);
    R.rowAxpy(1, 2, out);
    expect([...out]).toEqual([0, 6, 8]);
  });

  it('follows new values on load', () => {
    const R = new RowMajor(M);
    R.load(Float64Array.of(-1, -3, -2, -4));
    expect(R.rowDot(0, Float64Array.of(1, 1, 1))).toBe(-3);
  });
});
