import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DRIFT_THRESHOLD,
  driftOutOfTolerance,
  householdDriftFigures,
  type DriftAccount,
} from './drift.js';

const SIXTY_FORTY = new Map([
  ['VTI', 0.6],
  ['BND', 0.4],
]);
const targets = (id: string) => (id === '60/40' ? SIXTY_FORTY : new Map<string, number>());

const account = (valueUsd: Record<string, number>, extra: Partial<DriftAccount> = {}) => ({
  modelId: '60/40',
  tradable: true,
  cashUsd: 0,
  valueUsd: new Map(Object.entries(valueUsd)),
  threshold: undefined,
  ...extra,
});

// Asset location: the stocks in the taxable account, the bonds in the IRA.
const taxable = account({ VTI: 60_000 });
const ira = account({ BND: 40_000 });

describe('householdDriftFigures', () => {
  it('measures each account against its own model outside household mode', () => {
    const [a, b] = householdDriftFigures([taxable, ira], null, targets);
    expect(a!.maxDrift).toBeCloseTo(0.4, 12);
    expect(b!.maxDrift).toBeCloseTo(0.6, 12);
    expect(a!.threshold).toBe(DEFAULT_DRIFT_THRESHOLD);
  });

  it('measures every account as the household against a household model', () => {
    const figures = householdDriftFigures([taxable, ira], '60/40', targets);
    expect(figures.map((f) => f.maxDrift)).toEqual([0, 0]);
    const skewed = householdDriftFigures([taxable, account({ BND: 20_000 })], '60/40', targets);
    expect(skewed[0]!.maxDrift).toBeCloseTo(0.75 - 0.6, 12);
    expect(skewed[1]).toBe(skewed[0]);
  });

  it("counts a held-away account's holdings but not its threshold; the strictest set threshold wins", () => {
    const heldAway = account({ BND: 40_000 }, { tradable: false, threshold: 0.001 });
    const strict = account({ VTI: 30_000 }, { threshold: 0.05 });
    const loose = account({ VTI: 30_000 }, { threshold: 0.1 });
    const [f] = householdDriftFigures([strict, loose, heldAway], '60/40', targets);
    expect(f).toEqual({ maxDrift: 0, threshold: 0.05 });
    const [none] = householdDriftFigures([taxable, heldAway], '60/40', targets);
    expect(none!.threshold).toBe(DEFAULT_DRIFT_THRESHOLD);
  });

  it('has no figure without a model or without value; cash counts in the value', () => {
    const [noModel, empty, cashOnly] = householdDriftFigures(
      [account({ VTI: 1 }, { modelId: null }), account({}), account({}, { cashUsd: 100 })],
      null,
      targets,
    );
    expect(noModel!.maxDrift).toBeNull();
    expect(empty!.maxDrift).toBeNull();
    expect(cashOnly!.maxDrift).toBeCloseTo(0.6, 12);
  });

  it('is out of tolerance only beyond its threshold', () => {
    expect(driftOutOfTolerance({ maxDrift: 0.02, threshold: 0.02 })).toBe(false);
    expect(driftOutOfTolerance({ maxDrift: 0.0201, threshold: 0.02 })).toBe(true);
    expect(driftOutOfTolerance({ maxDrift: null, threshold: 0 })).toBe(false);
  });
});
