import { beforeAll, describe, expect, it } from 'vitest';
import { addYears } from './calendar.js';
import { planTransition } from './plan-transition.js';
import { loadLegacyHousehold } from './testing/legacy-household.js';
import type { BudgetPlan, TransitionPlan, TransitionProgress } from './types.js';
import { withGainBudget } from './with-budget.js';

// The CLI's default budgets and two larger ones, so that several budgets arrive within 10 years.
const BUDGETS = [0, 10_000, 50_000, 150_000, 300_000, null];
const TARGET = 0.005;
const CENT_TOLERANCE = 1;

let plan: TransitionPlan;
const progress: TransitionProgress[] = [];

beforeAll(() => {
  const options = { budgetsUsd: BUDGETS, years: 10, targetTrackingError: TARGET };
  plan = planTransition(loadLegacyHousehold(), options, (p) => progress.push(p));
});

const net = (y: { realizedShortTermUsd: number; realizedLongTermUsd: number }): number =>
  y.realizedShortTermUsd + y.realizedLongTermUsd;
const yearsOrNever = (b: BudgetPlan): number => b.yearsToConverge ?? Number.POSITIVE_INFINITY;

describe('planTransition on the legacy household', () => {
  it('plans every budget in order, a calendar year apart, from the same starting point', () => {
    expect(plan.budgets.map((b) => b.budgetUsd)).toEqual(BUDGETS);
    expect(plan.before.valueUsd).toBe(2_037_909);
    expect(plan.before.trackingError).toBeGreaterThan(0.1);
    for (const b of plan.budgets) {
      expect(b.years.map((y) => y.asOf)).toEqual(b.years.map((_, i) => addYears('2026-08-03', i)));
    }
    expect(progress).toHaveLength(plan.budgets.reduce((t, b) => t + b.years.length, 0));
  });

  it('under a $0 budget realizes no net gain in any year', () => {
    for (const y of plan.budgets[0]!.years) expect(net(y)).toBeLessThanOrEqual(CENT_TOLERANCE);
  });

  it('keeps every year within its budget, per term and in total', () => {
    for (const b of plan.budgets) {
      if (b.budgetUsd === null) continue;
      for (const y of b.years) {
        expect(net(y)).toBeLessThanOrEqual(b.budgetUsd + CENT_TOLERANCE);
        expect(y.realizedShortTermUsd).toBeLessThanOrEqual(b.budgetUsd + CENT_TOLERANCE);
        expect(y.realizedLongTermUsd).toBeLessThanOrEqual(b.budgetUsd + CENT_TOLERANCE);
      }
    }
  });

  it("replaces the household's own budget: $50,000 a year realizes more than its $25,000", () => {
    const fifty = plan.budgets[2]!;
    expect(Math.max(...fifty.years.map(net))).toBeGreaterThan(45_000);
  });

  it('converges in year 1 without a budget, within the target', () => {
    const unlimited = plan.budgets.at(-1)!;
    expect(unlimited.yearsToConverge).toBe(1);
    expect(unlimited.years).toHaveLength(1);
    expect(unlimited.years[0]!.trackingErrorAfter).toBeLessThanOrEqual(TARGET);
  });

  it('never takes more years with a larger budget, and stops a budget once it converges', () => {
    for (let i = 1; i < plan.budgets.length; i++) {
      expect(yearsOrNever(plan.budgets[i]!)).toBeLessThanOrEqual(
        yearsOrNever(plan.budgets[i - 1]!),
      );
    }
    // $150,000 and $300,000 a year do arrive within 10 years; $0 to $50,000 do not.
    expect(plan.budgets.map((b) => b.yearsToConverge !== null)).toEqual([
      false,
      false,
      false,
      true,
      true,
      true,
    ]);
    for (const b of plan.budgets) {
      expect(b.years).toHaveLength(b.yearsToConverge ?? 10);
      expect(b.years.filter((y) => y.converged).map((y) => y.year)).toEqual(
        b.yearsToConverge === null ? [] : [b.yearsToConverge],
      );
    }
  });

  it('only defers tax at held prices: every budget that arrives pays about the same in total', () => {
    const arrived = plan.budgets.filter((b) => b.yearsToConverge !== null);
    const taxes = arrived.map((b) => b.totalTaxUsd);
    const most = Math.max(...taxes);
    for (const t of taxes) expect(t).toBeGreaterThan(0.99 * most);
    // A budget that has not arrived has realized less, and so paid less.
    for (const b of plan.budgets.filter((p) => p.yearsToConverge === null)) {
      expect(b.totalTaxUsd).toBeLessThan(Math.min(...taxes));
    }
  });

  it('lowers tracking error year by year under every budget that trades', () => {
    for (const b of plan.budgets) {
      const te = [plan.before.trackingError, ...b.years.map((y) => y.trackingErrorAfter)];
      for (let i = 1; i < te.length; i++) expect(te[i]!).toBeLessThanOrEqual(te[i - 1]! + 1e-9);
    }
  });
});

describe('withGainBudget', () => {
  const base = loadLegacyHousehold();

  it('sets every term to the budget on the taxable account and keeps the other settings', () => {
    const settings = withGainBudget(base, 10_000).accounts[0]!.settings!;
    expect(settings.tax?.gainBudget).toEqual({
      shortTerm: 10_000,
      longTerm: 10_000,
      total: 10_000,
    });
    expect(settings.risk).toEqual(base.accounts[0]!.settings!.risk);
    expect(settings.cash).toEqual(base.accounts[0]!.settings!.cash);
  });

  it('removes the budget for unlimited, here and on tradable non-taxable accounts', () => {
    const ira = { ...base.accounts[0]!, id: 'ira', taxStatus: 'deferred' as const, lots: [] };
    const request = { ...base, accounts: [base.accounts[0]!, ira] };
    const unlimited = withGainBudget(request, null);
    expect(unlimited.accounts[0]!.settings?.tax).toBeUndefined();
    expect(withGainBudget(request, 5).accounts[1]!.settings?.tax).toBeUndefined();
    expect(base.accounts[0]!.settings?.tax?.gainBudget).toEqual({ shortTerm: 0, longTerm: 25_000 });
  });
});

describe('addYears', () => {
  it('moves by calendar years; Feb 29 lands on Feb 28 in a common year', () => {
    expect(addYears('2026-08-03', 0)).toBe('2026-08-03');
    expect(addYears('2026-08-03', 3)).toBe('2029-08-03');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
});
