/**
 * The engine against an independent oracle: for random valid households
 * (testing/random-household.ts), every proposal must satisfy every rule of the interchange spec as
 * re-derived by testing/check-proposal.ts, and an account is `error` exactly when its rules that
 * never give way really contradict each other (testing/expected-errors.ts).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { RebalanceRequest } from '../domain/index.js';
import { deepFreeze } from '../domain/testing/deep-freeze.js';
import { describe, expect, it } from 'vitest';
import { checkProposal } from './testing/check-proposal.js';
import { contradictions } from './testing/expected-errors.js';
import { householdArbitrary } from './testing/random-household.js';
import { rebalance } from './index.js';

/** `REBALANCE_PROPERTY_SCALE=10 npx vitest run src/rebalance/rebalance.property.test.ts`: a longer hunt. */
const SCALE = Math.max(1, Number(process.env.REBALANCE_PROPERTY_SCALE ?? 1) || 1);

/**
 * CI runs a fixed seed so a landing is never decided by chance; explore new households with
 * REBALANCE_PROPERTY_SEED=random (or a number) and REBALANCE_PROPERTY_SCALE.
 */
const SEED_SETTING = process.env.REBALANCE_PROPERTY_SEED ?? '20261202';
const SEED = SEED_SETTING === 'random' ? undefined : Number(SEED_SETTING);

/** A longer hunt outlasts the suite's 60-second test timeout: it gets SCALE times that. */
const TIMEOUT_MS = 60_000 * SCALE;

const runs = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns: numRuns * SCALE,
  interruptAfterTimeLimit: 18_000 * SCALE,
  ...(SEED === undefined ? {} : { seed: SEED }),
});

describe('households the properties once broke', () => {
  it.each([
    'gain-trim-keeps-lot-size-steps',
    'same-sale-shares-are-not-replacements',
    'lot-without-its-fill-is-not-set-aside',
    'close-inside-drift-sells-only-harvests',
    'another-accounts-buy-replaces-a-forced-loss-sale',
    'wash-part-below-half-a-cent-rounds-to-nothing',
    'rounding-inside-drift-takes-no-gain-lot',
  ])('%s keeps every rule', (name) => {
    const url = new URL(`./testing/regressions/${name}.json`, import.meta.url);
    const request = JSON.parse(readFileSync(url, 'utf8')) as RebalanceRequest;
    expect(checkProposal(request, rebalance(request, { explain: false }))).toEqual([]);
  });
});

describe('rebalance properties', { timeout: TIMEOUT_MS }, () => {
  it('every proposal keeps every rule of the spec, and is in error exactly on a real contradiction', () => {
    fc.assert(
      fc.property(householdArbitrary(), (request) => {
        const response = rebalance(request, { explain: false });
        const violations = checkProposal(request, response);
        expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
        for (const expected of contradictions(request)) {
          const proposal = response.accounts.find((p) => p.id === expected.account);
          if (!proposal || expected.borderline) continue;
          const what = `${expected.account}: status ${proposal.status}, error ${JSON.stringify(proposal.error)}, contradictions ${JSON.stringify(expected.reasons)}`;
          expect(proposal.status === 'error', what).toBe(expected.reasons.length > 0);
        }
      }),
      runs(300),
    );
  });

  it('leaves its request as it found it, explanations and customization prices included', () => {
    // A request (or a part of one, such as the securities every household of a model shares)
    // may then be held by several callers: every write to it, at any depth, throws.
    fc.assert(
      fc.property(householdArbitrary(), (request) => {
        const before = structuredClone(request);
        deepFreeze(request);
        rebalance(request);
        expect(request).toEqual(before);
      }),
      runs(40),
    );
  });

  it('explanations change no trade and price every customization of a tradable account', () => {
    fc.assert(
      fc.property(householdArbitrary(), (request) => {
        const plain = rebalance(request, { explain: false });
        const explained = rebalance(request);
        explained.accounts.forEach((proposal, i) => {
          expect(proposal.trades).toEqual(plain.accounts[i]!.trades);
          const explainedAccount =
            proposal.status !== 'error' && request.accounts[i]!.tradable !== false;
          expect(proposal.summary.customizationCost !== undefined).toBe(explainedAccount);
          for (const cost of proposal.summary.customizationCost ?? []) {
            expect(Number.isFinite(cost.trackingError) && Number.isFinite(cost.tax)).toBe(true);
          }
        });
      }),
      runs(25),
    );
  });
});
