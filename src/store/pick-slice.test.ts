import { describe, expect, it } from 'vitest';
import { exact } from '../tax/index.js';
import { pickSlice } from './pick-slice.js';

const PICKS = [
  { lot: 'L0', quantity: 20 },
  { lot: 'L1', quantity: 10 },
  { lot: 'L2', quantity: 2.5 },
];

describe('pickSlice', () => {
  it('takes the next shares of the named lots, in the proposal’s order, after those relieved', () => {
    expect(pickSlice(PICKS, exact(0), exact(25))).toEqual([
      { lot: 'L0', quantity: 20 },
      { lot: 'L1', quantity: 5 },
    ]);
    expect(pickSlice(PICKS, exact(25), exact(6))).toEqual([
      { lot: 'L1', quantity: 5 },
      { lot: 'L2', quantity: 1 },
    ]);
    expect(pickSlice(PICKS, exact(31), exact('1.5'))).toEqual([{ lot: 'L2', quantity: 1.5 }]);
  });

  it('relieves the whole list, exactly, over any parts that add up to it', () => {
    const steps = ['3.3', '17', '0.7', '11.5'];
    let done = exact(0);
    const relieved = new Map<string, ReturnType<typeof exact>>();
    for (const s of steps) {
      for (const p of pickSlice(PICKS, done, exact(s))!)
        relieved.set(p.lot, (relieved.get(p.lot) ?? exact(0)).plus(p.quantity));
      done = done.plus(s);
    }
    expect([...relieved].map(([lot, q]) => `${lot} ${q.toFixed()}`)).toEqual([
      'L0 20',
      'L1 10',
      'L2 2.5',
    ]);
  });

  it('leaves first in, first out to the ledger when the proposal named no lots', () => {
    expect(pickSlice(undefined, exact(3), exact(4))).toBeUndefined();
  });

  it('throws when the fills would relieve more than the proposal named (a bug upstream)', () => {
    expect(() => pickSlice(PICKS, exact(30), exact(3))).toThrow(/named fewer shares/);
  });
});
