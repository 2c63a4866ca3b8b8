import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exact } from '../../tax/index.js';
import { floorToStep, isMultiple, multiple, stepBelow } from './quantities.js';

/** A step and a whole number of them, up to 10⁵ shares (10¹¹ steps of a millionth). */
const stepAndCount = fc
  .constantFrom(1e-6, 0.001, 0.1, 1, 10, 100)
  .chain((step) =>
    fc.tuple(fc.constant(step), fc.integer({ min: 1, max: Math.round(1e5 / step) })),
  );

describe('share steps', () => {
  it('steps below a fractional quantity whose count of steps carries float noise', () => {
    // 21.388273 / 10⁻⁶ is 21388273.000000004: an absolute tolerance of 10⁻⁹ step kept the
    // quantity itself as "the step below", and the gain-budget trim made no progress.
    expect(21.388273 / 1e-6).not.toBe(21388273);
    expect(stepBelow(21.388273, 1e-6)).toBe(21.388272);
    expect(floorToStep(21.388273, 1e-6)).toBe(21.388273);
    expect(isMultiple(21.388273, 1e-6)).toBe(true);
  });

  it('steps below, floors and recognises every whole multiple of a step exactly', () => {
    fc.assert(
      fc.property(stepAndCount, ([step, k]) => {
        const q = multiple(k, step);
        expect(stepBelow(q, step)).toBe(exact(q).minus(exact(step)).toNumber());
        expect(floorToStep(q, step)).toBe(q);
        expect(isMultiple(q, step)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('floors a quantity between two steps to the lower one, and does not call it a multiple', () => {
    fc.assert(
      fc.property(
        stepAndCount,
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        ([step, k], f) => {
          const q = (k + f) * step;
          expect(floorToStep(q, step)).toBe(multiple(k, step));
          expect(stepBelow(q, step)).toBe(multiple(k, step));
          expect(isMultiple(q, step)).toBe(false);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
