import { describe, expect, it } from 'vitest';
import { anniversary, isLongTerm, toDay, toIso } from './calendar.js';

describe('calendar', () => {
  it('round-trips ISO dates through day numbers', () => {
    expect(toIso(toDay('2024-02-29'))).toBe('2024-02-29');
    expect(toDay('1970-01-02')).toBe(1);
    expect(toDay('2024-03-01') - toDay('2024-02-01')).toBe(29);
  });

  // IRS Pub. 550, "Holding Period": "If you bought investment property on February 5, 2023,
  // and sold it on February 5, 2024, your holding period isn't more than 1 year and you have a
  // short-term capital gain or loss. If you sold it on February 6, 2024, your holding period is
  // more than 1 year and you have a long-term capital gain or loss."
  it('Pub. 550 holding period example: Feb 5 to Feb 5 is short, Feb 6 is long', () => {
    expect(isLongTerm(toDay('2023-02-05'), toDay('2024-02-05'))).toBe(false);
    expect(isLongTerm(toDay('2023-02-05'), toDay('2024-02-06'))).toBe(true);
  });

  it('gives a Feb 29 start its anniversary on Feb 28', () => {
    expect(toIso(anniversary(toDay('2024-02-29')))).toBe('2025-02-28');
    expect(isLongTerm(toDay('2024-02-29'), toDay('2025-02-28'))).toBe(false);
    expect(isLongTerm(toDay('2024-02-29'), toDay('2025-03-01'))).toBe(true);
  });

  it('counts a leap day inside the year like any other day', () => {
    expect(toIso(anniversary(toDay('2023-03-01')))).toBe('2024-03-01');
    expect(isLongTerm(toDay('2023-03-01'), toDay('2024-03-02'))).toBe(true);
  });
});
