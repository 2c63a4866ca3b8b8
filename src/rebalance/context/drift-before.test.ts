import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  AccountSettings,
  DriftAccountInput,
  DriftSources,
  Model,
  RebalanceRequest,
} from '../../domain/index.js';
import { resolveRiskModel } from '../../risk/index.js';
import { loadScenario, scenarioNames } from '../scenarios/scenario-files.js';
import { householdArbitrary } from '../testing/random-household.js';
import { buildHouseholdContext } from './build-context.js';
import { householdDriftBefore } from './drift-before.js';

const models = new Map<string, Model>([
  [
    '60/40',
    {
      id: '60/40',
      targets: [
        { security: 'VTI', weight: 0.6 },
        { security: 'BND', weight: 0.4 },
      ],
    },
  ],
]);
const sources: DriftSources = {
  models,
  traits: (id) => (id === 'XLE' ? { sector: 'Energy', tags: [] } : undefined),
};

const account = (
  valueUsd: Record<string, number>,
  extra: Partial<DriftAccountInput> = {},
): DriftAccountInput => ({
  modelId: '60/40',
  tradable: true,
  cashUsd: 0,
  valueUsd: new Map(Object.entries(valueUsd)),
  settings: {},
  ...extra,
});

// Asset location: the stocks in the taxable account, the bonds in the IRA.
const taxable = account({ VTI: 60_000 });
const ira = account({ BND: 40_000 });

describe('householdDriftBefore', () => {
  it('measures each account against its own model outside household mode', () => {
    const [a, b] = householdDriftBefore([taxable, ira], null, sources);
    expect(a!.maxDrift).toBeCloseTo(0.4, 12);
    expect(b!.maxDrift).toBeCloseTo(0.6, 12);
    expect(a!.threshold).toBeUndefined();
  });

  it('measures every account as the household against a household model', () => {
    const figures = householdDriftBefore([taxable, ira], '60/40', sources);
    expect(figures[0]!.maxDrift).toBeCloseTo(0, 12);
    expect(figures[1]).toBe(figures[0]);
    const [skewed] = householdDriftBefore([taxable, account({ BND: 20_000 })], '60/40', sources);
    expect(skewed!.maxDrift).toBeCloseTo(0.75 - 0.6, 12);
  });

  it("counts a held-away account's holdings but not its settings; the strictest set threshold wins", () => {
    const heldAway = account(
      { BND: 40_000 },
      { tradable: false, settings: { drift: { threshold: 0.001 } } },
    );
    const strict = account({ VTI: 30_000 }, { settings: { drift: { threshold: 0.05 } } });
    const loose = account({ VTI: 30_000 }, { settings: { drift: { threshold: 0.1 } } });
    const [f] = householdDriftBefore([strict, loose, heldAway], '60/40', sources);
    expect(f!.maxDrift).toBeCloseTo(0, 12);
    expect(f!.threshold).toBe(0.05);
    expect(
      householdDriftBefore([taxable, heldAway], '60/40', sources)[0]!.threshold,
    ).toBeUndefined();
  });

  it('follows a substitution, leaves out noHold securities and keeps the cash target', () => {
    const substituted: AccountSettings = { substitutions: [{ from: 'VTI', to: 'ITOT' }] };
    const [sub] = householdDriftBefore(
      [account({ ITOT: 60_000, BND: 40_000 }, { settings: substituted })],
      null,
      sources,
    );
    expect(sub!.maxDrift).toBeCloseTo(0, 12);
    // Screened out of bonds: the target is 100% VTI, and the bonds held are not drift.
    const screened: AccountSettings = { restrictions: [{ security: 'BND', rule: 'noHold' }] };
    const [noHold] = householdDriftBefore(
      [account({ VTI: 90_000, BND: 10_000 }, { settings: screened })],
      null,
      sources,
    );
    expect(noHold!.maxDrift).toBeCloseTo(0.1, 12);
    const [cash] = householdDriftBefore(
      [
        account(
          { VTI: 54_000, BND: 36_000 },
          { cashUsd: 10_000, settings: { cash: { target: 0.1 } } },
        ),
      ],
      null,
      sources,
    );
    expect(cash!.maxDrift).toBeCloseTo(0, 12);
  });

  it('gives the target and drift per security when asked', () => {
    const settings: AccountSettings = {
      substitutions: [{ from: 'VTI', to: 'ITOT' }],
      restrictions: [{ sector: 'Energy', rule: 'noHold' }],
    };
    const [f] = householdDriftBefore(
      [account({ VTI: 50_000, BND: 40_000, XLE: 10_000 }, { settings })],
      null,
      sources,
      true,
    );
    expect(f!.maxDrift).toBeCloseTo(0.6, 12);
    expect(
      [...f!.bySecurity!].map(([id, v]) => [id, +v.target.toFixed(12), +v.drift.toFixed(12)]),
    ).toEqual([
      ['BND', 0.4, 0],
      ['ITOT', 0.6, -0.6],
      ['VTI', 0, 0.5],
      ['XLE', 0, 0],
    ]);
    const [household] = householdDriftBefore([taxable, ira], '60/40', sources, true);
    expect(household!.bySecurity!.get('BND')!.drift).toBeCloseTo(0, 12);
    expect(householdDriftBefore([taxable], null, sources)[0]!.bySecurity).toBeUndefined();
  });

  it('has no figure without value or with an unknown model', () => {
    const [empty, unknown] = householdDriftBefore(
      [account({}), account({ VTI: 1 }, { modelId: 'gone' })],
      null,
      sources,
    );
    expect(empty!.maxDrift).toBeNull();
    expect(unknown!.maxDrift).toBeNull();
    // In household mode an account's own model is ignored, known or not.
    const [located] = householdDriftBefore(
      [taxable, account({ BND: 40_000 }, { modelId: 'gone' })],
      '60/40',
      sources,
    );
    expect(located!.maxDrift).toBeCloseTo(0, 12);
  });
});

/** The inputs the book has for a request's accounts: values by security, cash and settings. */
function inputsOf(request: RebalanceRequest): DriftAccountInput[] {
  const price = new Map(request.securities.map((s) => [s.id, s.price]));
  return request.accounts.map((a) => {
    const valueUsd = new Map<string, number>();
    for (const lot of a.lots) {
      valueUsd.set(
        lot.security,
        (valueUsd.get(lot.security) ?? 0) + lot.quantity * price.get(lot.security)!,
      );
    }
    return {
      modelId: a.model,
      tradable: a.tradable !== false,
      cashUsd: a.cash,
      valueUsd,
      settings: a.settings ?? {},
    };
  });
}

/** The engine's drift before trading of each account of `request`, and the book's. */
function bothFigures(request: RebalanceRequest) {
  const { model } = resolveRiskModel(request.riskModel, request.securities);
  const ctx = buildHouseholdContext(request, model);
  const facts = new Map(request.securities.map((s) => [s.id, s]));
  const book = householdDriftBefore(inputsOf(request), request.household.model ?? null, {
    models: new Map(request.models.map((m) => [m.id, m])),
    traits: (id) => {
      const s = facts.get(id);
      return s && { sector: s.sector ?? null, tags: s.tags ?? [] };
    },
  });
  return ctx.accounts.map((a, i) => ({
    engine: a.driftBefore,
    book: book[i]!.maxDrift,
    valueUsd: a.valueUsd,
  }));
}

describe('householdDriftBefore agrees with the engine', () => {
  it.each(scenarioNames())('on scenario %s', (name) => {
    for (const { engine, book } of bothFigures(loadScenario(name))) {
      expect(book).not.toBeNull();
      expect(Math.abs(book! - engine)).toBeLessThan(1e-12);
    }
  });

  it('on random households', () => {
    fc.assert(
      fc.property(householdArbitrary(), (request) => {
        // An account without value has no figure in the book (nothing to rebalance); the
        // engine measures its empty weights against the target.
        for (const { engine, book, valueUsd } of bothFigures(request)) {
          if (book === null) expect(valueUsd).toBe(0);
          else expect(Math.abs(book - engine)).toBeLessThan(1e-12);
        }
      }),
      { numRuns: 200, seed: 20261206 },
    );
  });
});
