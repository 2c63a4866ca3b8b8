import { describe, expect, it } from 'vitest';
import { bindingConstraints } from './binding-constraints.js';
import { household, optimize } from './test-support/household.js';

/** The binding constraints of A1 with `settings`. */
function bindingOf(settings: Parameters<typeof household>[0]) {
  const { ctx, form, solution } = optimize(household(settings));
  expect(solution.status).toBe('optimal');
  return bindingConstraints(ctx, form, solution).get(0) ?? [];
}

describe('bindingConstraints', () => {
  it('prices a binding gain budget and leaves a non-binding one out', () => {
    const tight = bindingOf({ tax: { gainBudget: { shortTerm: 0, longTerm: 2000 } } });
    const budget = tight.find((b) => b.constraint === 'tax.gainBudget.longTerm');
    expect(budget?.shadowPrice).toBeGreaterThan(0);
    expect(budget?.explanation).toMatch(
      /^the long-term gain budget binds: \$1,000 more budget would save [\d.]+ bps of tracking error$/,
    );
    const loose = bindingOf({ tax: { gainBudget: { shortTerm: 0, longTerm: 1e6 } } });
    expect(loose.map((b) => b.constraint)).not.toContain('tax.gainBudget.longTerm');
  });

  it('a tighter budget is worth more', () => {
    const price = (longTerm: number) =>
      bindingOf({ tax: { gainBudget: { shortTerm: 0, longTerm } } })[0]?.shadowPrice ?? 0;
    expect(price(1000)).toBeGreaterThan(price(4000));
  });

  it('reports nothing when no limit binds', () => {
    expect(bindingOf({})).toEqual([]);
    expect(bindingOf({ restrictions: [{ sector: 'Energy', rule: 'noHold' }] })).toEqual([]);
  });

  it('prices a binding tracking-error limit through the extra risk aversion', () => {
    const te = bindingOf({ risk: { maxTrackingError: 0.005 } });
    expect(te.map((b) => b.constraint)).toEqual(['risk.maxTrackingError']);
    expect(te[0]!.shadowPrice).toBeGreaterThan(0);
  });

  it('leaves out a turnover limit that gave way to a tracking-error limit (spec §2 order)', () => {
    const both = bindingOf({ risk: { maxTrackingError: 0.005 }, trading: { maxTurnover: 0.2 } });
    expect(both.map((b) => b.constraint)).toEqual(['risk.maxTrackingError']);
  });

  it('prices a turnover limit that binds without giving way', () => {
    const turnover = bindingOf({ trading: { maxTurnover: 0.05 } });
    expect(turnover.map((b) => b.constraint)).toEqual(['trading.maxTurnover']);
    expect(turnover[0]!.explanation).toMatch(/^the turnover limit binds: 1% more turnover/);
  });

  it('names the cash rule and the trading mode when they bind', () => {
    const names = bindingOf({ trading: { mode: 'buyOnly' }, cash: { min: 0.02 } }).map(
      (b) => b.constraint,
    );
    expect(names).toEqual(['cash.min', 'trading.mode']);
  });

  it('names the drift trigger for its caps', () => {
    const names = bindingOf({ drift: { threshold: 0.9 }, cash: { target: 0.1 } }).map(
      (b) => b.constraint,
    );
    expect(names).toEqual(['drift.threshold', 'drift.threshold']);
  });

  it('reports a household gain budget on every account that set it', () => {
    const request = household({ tax: { gainBudget: { shortTerm: 0, longTerm: 2000 } } });
    request.accounts.push({
      id: 'IRA',
      taxStatus: 'deferred',
      model: 'M',
      cash: 10_000,
      lots: [],
      recentTrades: [],
      settings: { tax: { gainBudget: { shortTerm: 0, longTerm: 3000 } } },
    });
    const { ctx, form, solution } = optimize(request);
    const binding = bindingConstraints(ctx, form, solution);
    const [own, ira] = [binding.get(0)![0]!, binding.get(1)![0]!];
    expect(ira.constraint).toBe('tax.gainBudget.longTerm');
    expect(ira.shadowPrice).toBe(own.shadowPrice);
    // The saving lands in the taxable account, and the IRA's sentence says so.
    expect(ira.explanation).toBe(`${own.explanation} in A1`);
  });

  it('explains nothing for a solve that failed', () => {
    const { ctx, form, solution } = optimize(household());
    expect(bindingConstraints(ctx, form, { ...solution, status: 'failed' }).size).toBe(0);
  });
});
