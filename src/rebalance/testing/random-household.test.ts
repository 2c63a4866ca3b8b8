import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblems } from '../../domain/index.js';
import { parseRebalanceRequest } from '../../io/index.js';
import { features, leadingMinors } from './household-features.js';
import { householdArbitrary } from './random-household.js';

describe('householdArbitrary', () => {
  it('generates requests that the interchange parser accepts, with PSD factor covariances', () => {
    fc.assert(
      fc.property(householdArbitrary(), (request) => {
        const parsed = parseRebalanceRequest(JSON.parse(JSON.stringify(request)));
        if (!parsed.ok) expect.fail(formatProblems(parsed.problems));
        expect(parsed.value).toEqual(request);
        for (const minor of leadingMinors(
          request.riskModel?.factorCovariance ?? [
            [1, 0],
            [0, 1],
          ],
        )) {
          expect(minor).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('covers every feature the property tests rely on', () => {
    const seen = new Map<string, number>();
    for (const request of fc.sample(householdArbitrary(), { numRuns: 600, seed: 42 })) {
      for (const f of features(request)) seen.set(f, (seen.get(f) ?? 0) + 1);
    }
    const expected = [
      'householdModel',
      'heldAway',
      'modelNull',
      'modelOfModels',
      'washGroup',
      'lotSize10',
      'cashEquivalent',
      'noRiskModel',
      'partialRiskModel',
      'threeFactors',
      'feb29',
      'nearLongTerm',
      'recentLot',
      'fractionalLot',
      'recentBuy',
      'recentLossSell',
      'oldFill',
      'restrictBy.security',
      'restrictBy.sector',
      'restrictBy.tag',
      'substitution',
      'withdrawal',
      'gainBudget',
      'harvest',
      'avoidShortTermGains',
      'maxTrackingError',
      'maxTurnover',
      'minTradeValue',
      'allowFractional',
      'mode.buyOnly',
      'mode.sellOnly',
      'mode.cashOnly',
      'driftThreshold',
      'noHoldNoSell',
      'unraisable',
    ];
    for (const name of expected) expect(seen.get(name) ?? 0, name).toBeGreaterThanOrEqual(3);
  });
});
