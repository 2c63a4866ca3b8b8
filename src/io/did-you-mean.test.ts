import { describe, expect, it } from 'vitest';
import { closestName, didYouMean } from './did-you-mean.js';

describe('closestName', () => {
  const fields = ['id', 'security', 'quantity', 'costBasis', 'acquired', 'gain'];

  it.each([
    ['costbasis', 'costBasis'],
    ['COSTBASIS', 'costBasis'],
    ['quantty', 'quantity'],
    ['secruity', 'security'],
    ['gian', 'gain'],
    ['acquried', 'acquired'],
    ['ID', 'id'],
  ])('suggests %s → %s', (typo, meant) => {
    expect(closestName(typo, fields)).toBe(meant);
  });

  it.each(['price', 'xy', 'qty', 'lot', 'basis'])('suggests nothing for %s', (name) => {
    expect(closestName(name, fields)).toBeUndefined();
  });

  it('words the hint, or leaves it out', () => {
    expect(didYouMean('costbasis', fields)).toBe(' (did you mean "costBasis"?)');
    expect(didYouMean('price', fields)).toBe('');
  });
});
