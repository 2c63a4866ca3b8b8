import { describe, expect, it } from 'vitest';
import {
  combinedWeights,
  driftTargetOf,
  householdDrift,
  householdNoHold,
  isWithinDrift,
  maxDrift,
} from './drift.js';
import { security, table } from './test-support/request.js';
import type { SecurityRuleFlags } from './types.js';

const { securities } = table(security('VTI', 100), security('XOM', 100), security('AGG', 100));
const flags = (noHold: number[]): SecurityRuleFlags => ({
  noBuy: Uint8Array.from(noHold),
  noSell: new Uint8Array(3),
  noHold: Uint8Array.from(noHold),
});

describe('the drift target', () => {
  it('drops a noHold security and scales the rest up to the same security total', () => {
    const target = driftTargetOf(Float64Array.of(0.45, 0.1, 0.43), Uint8Array.of(0, 1, 0));
    expect(target[0]).toBeCloseTo(0.45 * (0.98 / 0.88), 12);
    expect(target[1]).toBe(0);
    expect(target[2]).toBeCloseTo(0.43 * (0.98 / 0.88), 12);
  });

  it('is the benchmark itself when nothing is under noHold', () => {
    const benchmark = Float64Array.of(0.5, 0.2, 0.3);
    expect([...driftTargetOf(benchmark, new Uint8Array(3))]).toEqual([0.5, 0.2, 0.3]);
  });

  it('is empty, not NaN, when every benchmark security is under noHold', () => {
    expect([...driftTargetOf(Float64Array.of(0, 1, 0), Uint8Array.of(0, 1, 0))]).toEqual([0, 0, 0]);
  });
});

describe('drift', () => {
  it('ignores a noHold security however far it is off', () => {
    const weights = Float64Array.of(0.5, 0.4, 0.1);
    const target = Float64Array.of(0.55, 0, 0.45);
    expect(maxDrift(weights, target, Uint8Array.of(0, 1, 0))).toBeCloseTo(0.35, 12);
    expect(maxDrift(weights, target, new Uint8Array(3))).toBeCloseTo(0.4, 12);
  });

  it('is within a threshold at equality, outside above it, and never without one', () => {
    expect(isWithinDrift(0.03, 0.03)).toBe(true);
    expect(isWithinDrift(0.031, 0.03)).toBe(false);
    expect(isWithinDrift(0, undefined)).toBe(false);
  });
});

describe('household drift', () => {
  it('counts a security unless every tradable account has it under noHold', () => {
    expect([...householdNoHold([flags([0, 1, 0]), flags([0, 1, 1])], 3)]).toEqual([0, 1, 0]);
    expect([...householdNoHold([], 3)]).toEqual([0, 0, 0]);
  });

  it('combines the holdings of all accounts over the combined value', () => {
    const weights = combinedWeights(
      [
        { heldQuantity: Float64Array.of(6, 0, 0), valueUsd: 1000 },
        { heldQuantity: Float64Array.of(0, 0, 4), valueUsd: 1000 },
      ],
      securities,
    );
    expect([...weights]).toEqual([0.3, 0, 0.2]);
  });

  it('measures a taxable and a held-away account against the household target together', () => {
    const { driftTarget, driftBefore } = householdDrift(
      Float64Array.of(0.5, 0, 0.5),
      [
        {
          tradable: true,
          rules: flags([0, 1, 0]),
          heldQuantity: Float64Array.of(6, 1, 0),
          valueUsd: 800,
        },
        // Held away: its holdings count, its (absent) rules do not.
        {
          tradable: false,
          rules: flags([0, 0, 0]),
          heldQuantity: Float64Array.of(0, 0, 2),
          valueUsd: 200,
        },
      ],
      securities,
    );
    expect([...driftTarget]).toEqual([0.5, 0, 0.5]);
    expect(driftBefore).toBeCloseTo(0.3, 12);
  });
});
