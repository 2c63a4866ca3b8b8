import { describe, expect, it } from 'vitest';
import { toDay } from '../../tax/index.js';
import { lotFacts, termOn, turnsLongSoon } from './lot-facts.js';
import { lot, security, table } from './test-support/request.js';

const day = toDay;

describe('lot facts', () => {
  it('values a lot at the price and reports the gain of selling it all', () => {
    const { securities } = table(security('AAPL', 190.12));
    const facts = lotFacts(
      lot('L1', 'AAPL', 100, 12000, '2021-03-01'),
      2,
      securities[0]!,
      day('2026-11-24'),
    );
    expect(facts).toMatchObject({ account: 2, security: 0, term: 'long', turnsLongSoon: false });
    expect(facts.valueUsd).toBeCloseTo(19012, 9);
    expect(facts.gainUsd).toBeCloseTo(7012, 9);
  });

  it('reports a loss as a negative gain', () => {
    const { securities } = table(security('NVDA', 80));
    const facts = lotFacts(lot('L2', 'NVDA', 10, 1000), 0, securities[0]!, day('2026-11-24'));
    expect(facts.gainUsd).toBe(-200);
  });
});

describe('term', () => {
  it('is short on the anniversary and long the day after', () => {
    expect(termOn(day('2025-11-24'), day('2026-11-24'))).toBe('short');
    expect(termOn(day('2025-11-24'), day('2026-11-25'))).toBe('long');
  });

  it('of a Feb 29 lot turns long on Mar 1, its anniversary being Feb 28', () => {
    expect(termOn(day('2024-02-29'), day('2025-02-28'))).toBe('short');
    expect(termOn(day('2024-02-29'), day('2025-03-01'))).toBe('long');
  });
});

describe('turning long-term soon', () => {
  it('holds when the first long-term day is exactly 31 days after asOf', () => {
    // Anniversary 2026-12-24, first long-term day 2026-12-25 = asOf + 31.
    expect(turnsLongSoon(day('2025-12-24'), day('2026-11-24'))).toBe(true);
  });

  it('does not hold one day later (32 days)', () => {
    expect(turnsLongSoon(day('2025-12-25'), day('2026-11-24'))).toBe(false);
  });

  it('holds on the anniversary itself (still short, long tomorrow)', () => {
    expect(turnsLongSoon(day('2025-11-24'), day('2026-11-24'))).toBe(true);
  });

  it('never holds for a lot that is already long-term', () => {
    expect(turnsLongSoon(day('2025-11-23'), day('2026-11-24'))).toBe(false);
  });

  it('counts a Feb 29 lot from its Feb 28 anniversary: Mar 1 is the first long day', () => {
    // 2025-01-29 + 31 days = 2025-03-01.
    expect(turnsLongSoon(day('2024-02-29'), day('2025-01-29'))).toBe(true);
    expect(turnsLongSoon(day('2024-02-29'), day('2025-01-28'))).toBe(false);
  });
});
