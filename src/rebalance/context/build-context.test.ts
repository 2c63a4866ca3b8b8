import { describe, expect, it } from 'vitest';
import { buildHouseholdContext } from './index.js';
import {
  account,
  byId,
  lot,
  model,
  placeholderRisk,
  request,
  security,
  trade,
} from './test-support/request.js';

const securities = [
  security('VTI', 100, { washGroup: 'us-total' }),
  security('ITOT', 50, { washGroup: 'us-total' }),
  security('AGG', 100),
  security('XOM', 100, { sector: 'Energy' }),
];
const models = [model('us-core', ['VTI', 0.6], ['AGG', 0.38])];
const build = (...accounts: ReturnType<typeof account>[]) =>
  buildHouseholdContext(request({ securities, models, accounts }), placeholderRisk());
const view = (values: ArrayLike<number>) => byId(securities, values);

describe('an account following a model', () => {
  const ctx = build(
    account('A1', {
      model: 'us-core',
      cash: 1000,
      lots: [lot('L1', 'VTI', 50, 4000), lot('L2', 'VTI', 10, 1200), lot('L3', 'XOM', 10, 900)],
      settings: {
        cash: { min: 0.05, withdrawal: 2000 },
        restrictions: [{ sector: 'Energy', rule: 'noHold' }],
        drift: { threshold: 0.5 },
      },
    }),
  );
  const a1 = ctx.accounts[0]!;

  it('adds up V, W, V − W and the cash need', () => {
    expect(a1).toMatchObject({ valueUsd: 8000, withdrawalUsd: 2000, afterValueUsd: 6000 });
    expect(a1.cashNeedUsd).toBeCloseTo(300, 9);
    expect(view(a1.heldQuantity)).toEqual({ VTI: 60, XOM: 10 });
    expect(a1.lots.map((l) => [l.id, l.account, l.security])).toEqual([
      ['L1', 0, 0],
      ['L2', 0, 0],
      ['L3', 0, 3],
    ]);
  });

  it('tracks the model, and measures drift against it without the noHold security', () => {
    expect(view(a1.benchmark)).toEqual({ VTI: 0.6, AGG: 0.38 });
    expect(a1.settings.cashTargetWeight).toBeCloseTo(0.02, 12);
    // Weights before: VTI 0.75, XOM 0.125 (ignored), AGG 0 against 0.38.
    expect(a1.driftBefore).toBeCloseTo(0.38, 12);
    expect(a1.withinDrift).toBe(true);
    expect(a1.error).toBeNull();
  });
});

describe('an account following no model', () => {
  it('tracks its own current weights with its substitutions applied', () => {
    const ctx = build(
      account('A1', {
        cash: 2000,
        lots: [lot('L1', 'VTI', 60, 5000), lot('L2', 'AGG', 20, 2000)],
        settings: { substitutions: [{ from: 'VTI', to: 'ITOT' }] },
      }),
    );
    const a1 = ctx.accounts[0]!;
    expect(view(a1.benchmark)).toEqual({ ITOT: 0.6, AGG: 0.2 });
    expect(a1.settings.cashTargetWeight).toBeCloseTo(0.2, 12);
    expect(a1.buyBlockReason.get(0)).toBe('substitution');
  });

  it('is empty and free of NaN when the account holds nothing (V = 0)', () => {
    const a1 = build(account('A1', { settings: { cash: { target: 0.02 } } })).accounts[0]!;
    const figures = [
      a1.valueUsd,
      a1.cashNeedUsd,
      a1.driftBefore,
      ...a1.benchmark,
      ...a1.driftTarget,
    ];
    expect(figures.every((x) => x === 0)).toBe(true);
  });
});

describe('conflicting rules', () => {
  it('put only the account whose rules contradict into error', () => {
    const ctx = build(
      account('A1', {
        lots: [lot('L1', 'XOM', 10, 900)],
        settings: {
          restrictions: [
            { sector: 'Energy', rule: 'noHold' },
            { security: 'XOM', rule: 'noSell' },
          ],
        },
      }),
      account('A2', { lots: [lot('L2', 'XOM', 10, 900)] }),
    );
    expect(ctx.accounts[0]?.error?.code).toBe('restriction_conflict');
    expect(ctx.accounts[0]?.error?.message).toContain('XOM is under noHold (sector Energy)');
    expect(ctx.accounts[1]?.error).toBeNull();
  });

  it('report a withdrawal larger than cash and sellable positions can raise', () => {
    const ctx = build(account('A1', { cash: 100, settings: { cash: { withdrawal: 500 } } }));
    expect(ctx.accounts[0]?.error?.code).toBe('withdrawal_unraisable');
  });
});

describe('wash sales across the household', () => {
  it('a recent IRA buy of VTI marks the US-total wash set for the taxable account’s loss lots', () => {
    const ctx = build(
      account('IRA', {
        taxStatus: 'deferred',
        recentTrades: [trade('2026-11-10', 'VTI', 'buy', 3)],
      }),
      account('A1', { lots: [lot('L1', 'ITOT', 10, 900)] }),
    );
    expect(ctx.wash.recentlyBought.get('us-total')).toBe(3);
    expect(ctx.wash.buyBlocked.size).toBe(0);
  });

  it('a taxable loss sale blocks buying its wash set in every account, the IRA included', () => {
    const ctx = build(
      account('A1', { recentTrades: [trade('2026-11-10', 'VTI', 'sell', 3, -40)] }),
      account('IRA', { taxStatus: 'deferred' }),
    );
    for (const a of ctx.accounts) {
      expect(view(a.rules.noBuy)).toEqual({ VTI: 1, ITOT: 1 });
      expect(a.buyBlockReason.get(1)).toBe('washSale');
    }
  });

  it('a taxable sell at a net gain that relieved a loss lot blocks buying it back; without one, not', () => {
    const sell = trade('2026-11-10', 'VTI', 'sell', 3, 500);
    const withLoss = build(account('A1', { recentTrades: [{ ...sell, realizedLoss: -40 }] }));
    expect(view(withLoss.accounts[0]!.rules.noBuy)).toEqual({ VTI: 1, ITOT: 1 });
    expect(withLoss.accounts[0]!.buyBlockReason.get(1)).toBe('washSale');
    for (const fill of [{ ...sell, realizedLoss: 0 }, sell]) {
      const ctx = build(account('A1', { recentTrades: [fill] }));
      expect(ctx.wash.buyBlocked.size).toBe(0);
      expect(ctx.accounts[0]!.buyBlockReason.get(1)).toBeUndefined();
    }
  });
});

describe('a held-away account', () => {
  it('is counted with default settings and a warning that its own are ignored', () => {
    const ctx = build(
      account('401k', {
        tradable: false,
        model: 'us-core',
        settings: {
          cash: { target: 0.5, withdrawal: 1e6 },
          restrictions: [{ security: 'VTI', rule: 'noHold' }],
        },
      }),
    );
    const held = ctx.accounts[0]!;
    expect(held.warnings).toEqual(['settings on held-away account 401k are ignored']);
    expect(held.withdrawalUsd).toBe(0);
    expect(view(held.rules.noHold)).toEqual({});
    expect(view(held.benchmark)).toEqual({ VTI: 0.6, AGG: 0.38 });
    expect(held.error).toBeNull();
  });
});

describe('household mode', () => {
  const ctx = buildHouseholdContext(
    request({
      securities,
      models,
      household: { id: 'H1', shortTermRate: 0.4, longTermRate: 0.2, model: 'us-core' },
      accounts: [
        account('A1', {
          model: null,
          cash: 1000,
          lots: [lot('L1', 'VTI', 40, 3000)],
          settings: {
            substitutions: [{ from: 'VTI', to: 'ITOT' }],
            drift: { threshold: 0.1 },
            cash: { target: 0.1 },
          },
        }),
        account('IRA', {
          taxStatus: 'deferred',
          lots: [lot('L2', 'AGG', 50, 5000)],
          settings: { drift: { threshold: 0.4 }, risk: { maxTrackingError: 0.03 } },
        }),
      ],
    }),
    placeholderRisk(),
  );

  it('gives every account the same household benchmark, substitutions of all accounts applied', () => {
    expect(ctx.householdMode).toBe(true);
    expect(view(ctx.householdBenchmark!)).toEqual({ ITOT: 0.6, AGG: 0.38 });
    expect(ctx.accounts[0]?.benchmark).toBe(ctx.householdBenchmark);
    expect(ctx.accounts[1]?.benchmark).toBe(ctx.householdBenchmark);
  });

  it('keeps each account’s own cash target and the household’s cash share otherwise', () => {
    expect(ctx.accounts[0]?.settings.cashTargetWeight).toBe(0.1);
    expect(ctx.accounts[1]?.settings.cashTargetWeight).toBeCloseTo(0.02, 12);
  });

  it('measures the combined holdings against the strictest threshold', () => {
    // Combined V = 5000 + 5000: VTI 0.4 (target 0), ITOT 0 (target 0.6), AGG 0.5 (target 0.38).
    expect(ctx.accounts.map((a) => a.driftBefore)).toEqual(
      [0.6, 0.6].map((x) => expect.closeTo(x, 12)),
    );
    expect(ctx.householdDriftThreshold).toEqual({ limit: 0.1, accounts: [0, 1] });
    expect(ctx.householdMaxTrackingError).toEqual({ limit: 0.03, accounts: [1] });
    expect(ctx.accounts.every((a) => !a.withinDrift)).toBe(true);
  });
});
