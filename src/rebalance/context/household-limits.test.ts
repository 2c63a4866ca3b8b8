import { describe, expect, it } from 'vitest';
import { householdLimits, strictestLimit, type LimitSource } from './household-limits.js';

const taxable = (longTerm: number, total?: number): LimitSource => ({
  tradable: true,
  settings: { tax: { gainBudget: { shortTerm: 0, longTerm, total } } },
});

describe('household limits', () => {
  it('take the strictest gain budget of the tradable accounts and record every account setting one', () => {
    const limits = householdLimits(
      [taxable(5000), { tradable: true, settings: {} }, taxable(3000, 4000)],
      false,
    );
    expect(limits.gainBudget).toEqual({
      shortTerm: { limit: 0, accounts: [0, 2] },
      longTerm: { limit: 3000, accounts: [0, 2] },
      total: { limit: 4000, accounts: [2] },
    });
  });

  it('ignore held-away accounts, whose settings are not applied', () => {
    const held: LimitSource = { tradable: false, settings: taxable(10).settings };
    expect(strictestLimit([held, taxable(5000)], (s) => s.tax?.gainBudget?.longTerm)).toEqual({
      limit: 5000,
      accounts: [1],
    });
  });

  it('are absent when no tradable account sets them', () => {
    expect(householdLimits([{ tradable: true, settings: {} }], false).gainBudget).toEqual({
      shortTerm: undefined,
      longTerm: undefined,
      total: undefined,
    });
  });

  it('include tracking error and drift threshold only in household mode', () => {
    const accounts: LimitSource[] = [
      {
        tradable: true,
        settings: { risk: { maxTrackingError: 0.02 }, drift: { threshold: 0.05 } },
      },
      { tradable: true, settings: { risk: { maxTrackingError: 0.01 } } },
    ];
    const household = householdLimits(accounts, true);
    expect(household.householdMaxTrackingError).toEqual({ limit: 0.01, accounts: [0, 1] });
    expect(household.householdDriftThreshold).toEqual({ limit: 0.05, accounts: [0] });
    const separate = householdLimits(accounts, false);
    expect(separate.householdMaxTrackingError).toBeUndefined();
    expect(separate.householdDriftThreshold).toBeUndefined();
  });
});
