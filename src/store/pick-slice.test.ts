import { describe, expect, it } from 'vitest';
import { exact } from '../tax/index.js';
import { picksFor } from './pick-slice.js';

const PICKS = [
  { lot: 'L0', quantity: 20 },
  { lot: 'L1', quantity: 10 },
  { lot: 'L2', quantity: 2.5 },
];

describe('picksFor', () => {
  it('takes the first shares of the named lots, in the proposal’s order', () => {
    expect(picksFor(PICKS, exact(25))).toEqual([
      { lot: 'L0', quantity: 20 },
      { lot: 'L1', quantity: 5 },
    ]);
    expect(picksFor(PICKS, exact('0.5'))).toEqual([{ lot: 'L0', quantity: 0.5 }]);
  });

  it('relieves every named lot, exactly, for all the shares', () => {
    expect(picksFor(PICKS, exact('32.5'))).toEqual(PICKS);
  });

  it('leaves first in, first out to the ledger when the proposal named no lots', () => {
    expect(picksFor(undefined, exact(4))).toBeUndefined();
  });

  it('throws when the fill would relieve more than the proposal named (a bug upstream)', () => {
    expect(() => picksFor(PICKS, exact('32.6'))).toThrow(/named fewer shares/);
  });
});
