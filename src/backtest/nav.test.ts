import { describe, expect, it } from 'vitest';
import { annualise, annualisedStdev, NavTracker } from './nav.js';

describe('NavTracker', () => {
  it('counts a contribution as a flow, not a return', () => {
    const nav = new NavTracker(1000);
    nav.day(1100, 100, 0, 0);
    expect(nav.preTax).toBeCloseTo(1, 12);
    expect(nav.afterTax).toBeCloseTo(1, 12);
  });

  it('charges a year-end tax liability to the after-tax return only, once', () => {
    const nav = new NavTracker(1000);
    nav.day(1100, 0, 0, 30); // +10% before tax; 30 owed
    expect(nav.preTax).toBeCloseTo(1.1, 12);
    expect(nav.afterTax).toBeCloseTo(1.07, 12);
    nav.day(1070, 0, 30, 0); // paid next day: a flow before tax, no change after tax
    expect(nav.preTax).toBeCloseTo(1.1, 12);
    expect(nav.afterTax).toBeCloseTo(1.07, 12);
  });

  it('credits a refund (negative tax) to the after-tax return', () => {
    const nav = new NavTracker(1000);
    nav.day(900, 0, 0, -35);
    expect(nav.afterTax).toBeCloseTo(0.935, 12);
    nav.day(935, 0, -35, 0);
    expect(nav.preTax).toBeCloseTo(0.9, 12);
    expect(nav.afterTax).toBeCloseTo(0.935, 12);
  });
});

describe('annualise and annualisedStdev', () => {
  it('turns a doubling over 10 years into about 7.18% a year', () => {
    expect(annualise(2, 10)).toBeCloseTo(0.071773, 5);
    expect(annualise(0, 10)).toBe(-1);
  });

  it('scales the daily standard deviation by √252 and needs two days', () => {
    expect(annualisedStdev([0.01, -0.01])).toBeCloseTo(Math.sqrt(2e-4 * 252), 12);
    expect(annualisedStdev([0.01])).toBe(0);
  });
});
