import { describe, expect, it } from 'vitest';
import { contradictions } from './expected-errors.js';
import { accountOf, scenario, settingsOf } from './proposal-fixture.js';

describe('contradictions', () => {
  it('finds none in the fixture (the held-away withdrawal is ignored)', () => {
    const s = scenario();
    settingsOf(s, 'A3').cash = { withdrawal: 10_000 };
    settingsOf(s, 'A3').restrictions = [
      { security: 'FFF', rule: 'noHold' },
      { tag: 'tobacco', rule: 'noSell' },
    ];
    expect(contradictions(s.request).flatMap((c) => c.reasons)).toEqual([]);
  });

  it('finds noHold and noSell on a held security, not on one that is not held', () => {
    const s = scenario();
    settingsOf(s, 'A1').restrictions!.push({ security: 'BBB', rule: 'noSell' });
    settingsOf(s, 'A1').restrictions!.push(
      { security: 'EEE', rule: 'noSell' },
      { security: 'EEE', rule: 'noHold' },
    );
    expect(contradictions(s.request)[0]!.reasons).toEqual(['noHold and noSell on held BBB']);
  });

  it('finds a withdrawal that cash and sellable positions cannot raise', () => {
    const s = scenario();
    // A1: V = 4000; with W = 3960 and cash.min 1%: need 3960 + 0.4 ≤ 4000.
    settingsOf(s, 'A1').cash = { min: 0.01, withdrawal: 3960 };
    expect(contradictions(s.request)[0]!.reasons).toEqual([]);
    // Freezing AAA (1000) leaves 3000 raisable.
    settingsOf(s, 'A1').restrictions = [{ sector: 'Tech', rule: 'noSell' }];
    expect(contradictions(s.request)[0]!.reasons).toHaveLength(1);
    settingsOf(s, 'A1').restrictions = [];
    settingsOf(s, 'A1').cash = { withdrawal: 4000 };
    expect(contradictions(s.request)[0]).toEqual({ account: 'A1', reasons: [], borderline: true });
    accountOf(s, 'A1').cash = 999;
    expect(contradictions(s.request)[0]!.reasons).toHaveLength(1);
  });
});
