import { describe, expect, it } from 'vitest';
import { checkCash } from './check-cash.js';
import { proposalOf, rulesOf, scenario, settingsOf } from './proposal-fixture.js';

describe('checkCash', () => {
  it('passes the valid proposal (the held-away withdrawal is ignored)', () => {
    expect(rulesOf(checkCash, scenario())).toEqual([]);
  });

  it.each([
    ['cash.beforeValue', 'before', 'value', 4000.5],
    ['cash.beforeCash', 'before', 'cash', 999],
    ['cash.afterValue', 'after', 'value', 4000],
    ['cash.afterCash', 'after', 'cash', 1100],
  ] as const)('catches %s', (rule, when, field, value) => {
    const s = scenario();
    proposalOf(s, 'A1').summary[when][field] = value;
    expect(rulesOf(checkCash, s)).toEqual([`A1:${rule}`]);
  });

  it('catches cash below cash.min × (V − W)', () => {
    const s = scenario();
    settingsOf(s, 'A1').cash!.min = 0.3; // needs 1140, has 900
    expect(rulesOf(checkCash, s)).toEqual(['A1:cash.min']);
    settingsOf(s, 'A1').cash!.min = 900 / 3800;
    expect(rulesOf(checkCash, s)).toEqual([]);
  });
});
