import { describe, expect, it } from 'vitest';
import { checkContext } from './check-context.js';
import {
  accountBenchmark,
  driftTarget,
  flattenModel,
  householdNoHold,
  substitute,
} from './independent-benchmark.js';
import { householdRisk, riskFiguresByAccount } from './portfolio-risk.js';
import { proposalOf, scenario, settingsOf } from './proposal-fixture.js';
import { requestFacts } from './request-facts.js';

const close = (weights: Map<string, number>): Record<string, number> =>
  Object.fromEntries([...weights].map(([k, v]) => [k, Math.round(v * 1e12) / 1e12]));

describe('independent benchmark', () => {
  it('flattens a model of models, multiplying weights down the tree', () => {
    const models = [
      {
        id: 'M1',
        targets: [
          { security: 'AAA', weight: 0.5 },
          { security: 'CCC', weight: 0.3 },
        ],
      },
      {
        id: 'M3',
        targets: [
          { security: 'AAA', weight: 0.4 },
          { security: 'DDD', weight: 0.6 },
        ],
      },
      {
        id: 'M2',
        targets: [
          { model: 'M1', weight: 0.5 },
          { model: 'M3', weight: 0.5 },
        ],
      },
    ];
    expect(close(flattenModel(models, 'M2'))).toEqual({ AAA: 0.45, CCC: 0.15, DDD: 0.3 });
  });

  it('applies substitutions all at once, without chains', () => {
    const weights = new Map([
      ['A', 0.5],
      ['B', 0.3],
    ]);
    const out = substitute(weights, [
      { from: 'A', to: 'B' },
      { from: 'B', to: 'C' },
    ]);
    expect(close(out)).toEqual({ B: 0.5, C: 0.3 });
  });

  it('scales the securities to fill what the cash target leaves', () => {
    const s = scenario();
    settingsOf(s, 'A1').cash!.target = 0.1;
    const facts = requestFacts(s.request);
    const benchmark = accountBenchmark(facts, facts.accounts[0]!);
    expect(close(benchmark.weights)).toEqual({ AAA: 0.5625, CCC: 0.3375 });
    expect(benchmark.cashShare).toBe(0.1);
  });

  it('uses the own current weights for model null, scaled to the cash target when given', () => {
    const s = scenario();
    const facts = requestFacts(s.request);
    expect(close(accountBenchmark(facts, facts.accounts[1]!).weights)).toEqual({
      DDD: 0.666666666667,
    });
    settingsOf(s, 'A2').cash = { target: 0.5 };
    const withTarget = requestFacts(s.request);
    expect(close(accountBenchmark(withTarget, withTarget.accounts[1]!).weights)).toEqual({
      DDD: 0.5,
    });
  });

  it('drops noHold securities from the drift target and rescales the rest, cash unchanged', () => {
    const target = driftTarget(
      {
        weights: new Map([
          ['A', 0.4],
          ['B', 0.4],
        ]),
        cashShare: 0.2,
      },
      new Set(['B']),
    );
    expect(close(target)).toEqual({ A: 0.8 });
  });

  it('in household mode, measures combined holdings against the household model', () => {
    const s = scenario();
    s.request.household.model = 'M1';
    const context = checkContext(s.request, s.response);
    // Combined V = 4000 + 1500 + 400 = 5900, V − W = 5700 (A3's withdrawal is ignored).
    // Before: AAA 1000 / 5900 against 0.5 is the largest gap. After: AAA 1900 / 5700 (gap 1/6),
    // CCC 1000 / 5700 against 0.3 (gap 0.1246), DDD 1000 / 5700 against 0 (gap 0.1754).
    const figures = householdRisk(context);
    expect(figures.driftBefore).toBeCloseTo(0.5 - 1000 / 5900, 12);
    expect(figures.driftAfter).toBeCloseTo(1000 / 5700, 12);
    const all = [...riskFiguresByAccount(context).values()];
    expect(all).toHaveLength(3);
    for (const f of all) expect(f).toEqual(figures);
  });

  it('drops from the household drift only what every tradable account holds under noHold', () => {
    const s = scenario();
    s.request.household.model = 'M1';
    expect([...householdNoHold(requestFacts(s.request))]).toEqual([]);
    settingsOf(s, 'A2').restrictions = [{ sector: 'Energy', rule: 'noHold' }];
    expect([...householdNoHold(requestFacts(s.request))]).toEqual(['BBB']);
    proposalOf(s, 'A1').trades = [];
    const before = householdRisk(checkContext(s.request, s.response)).driftBefore;
    expect(before).toBeCloseTo(0.5 - 1000 / 5900, 12);
  });
});
