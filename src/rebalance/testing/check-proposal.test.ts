import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountProposal, RebalanceRequest, RebalanceResponse } from '../../domain/index.js';
import { parseRebalanceRequest } from '../../io/index.js';
import { checkContext } from './check-context.js';
import { checkProposal } from './check-proposal.js';
import { riskFiguresByAccount } from './portfolio-risk.js';
import { fixtureRequest, fixtureResponse } from './proposal-fixture.js';
import { householdArbitrary } from './random-household.js';
import { requestFacts } from './request-facts.js';

/** A response that trades nothing anywhere, with its figures filled in. */
function doNothing(request: RebalanceRequest): RebalanceResponse {
  const facts = requestFacts(request);
  const accounts = facts.accounts.map((a): AccountProposal => {
    const zero = { value: 0, cash: 0, trackingError: 0, maxDrift: 0 };
    return {
      id: a.id,
      status: 'noTrade',
      trades: [],
      error: null,
      summary: {
        before: { ...zero, value: a.value, cash: a.account.cash },
        after: { ...zero, value: a.value - a.withdrawal, cash: a.account.cash - a.withdrawal },
        realized: { shortTerm: 0, longTerm: 0, washSaleDisallowed: 0 },
        estimatedTax: 0,
        turnover: 0,
        relaxed: [],
        warnings: [],
      },
    };
  });
  const response: RebalanceResponse = { asOf: request.asOf, accounts };
  const figures = riskFiguresByAccount(checkContext(request, response));
  for (const p of accounts) {
    const f = figures.get(p.id)!;
    p.summary.before.maxDrift = f.driftBefore;
    p.summary.after.maxDrift = f.driftAfter;
    p.summary.before.trackingError = f.trackingErrorBefore ?? 0;
    p.summary.after.trackingError = f.trackingErrorAfter ?? 0;
  }
  return response;
}

describe('checkProposal', () => {
  it('finds nothing wrong with the hand-made valid proposal', () => {
    const request = fixtureRequest();
    expect(parseRebalanceRequest(request).ok).toBe(true);
    expect(checkProposal(request, fixtureResponse())).toEqual([]);
  });

  it('on random households, doing nothing breaks exactly the rules that force trades', () => {
    const mayBreak =
      /^(restriction\.noHoldLeft|cash\.min|limit\.tax\.gainBudget\.\w+|limit\.risk\.maxTrackingError)$/;
    fc.assert(
      fc.property(householdArbitrary(), (request) => {
        const violations = checkProposal(request, doNothing(request));
        const unexpected = violations.filter((v) => !mayBreak.test(v.rule));
        expect(unexpected, JSON.stringify(unexpected, null, 2)).toEqual([]);
        for (const account of requestFacts(request).accounts) {
          if (!account.tradable) continue;
          const rules = violations.filter((v) => v.account === account.id).map((v) => v.rule);
          const holdsNoHold = [...account.holdings.keys()].some((s) =>
            account.restrictions.noHold.has(s),
          );
          expect(rules.includes('restriction.noHoldLeft'), account.id).toBe(holdsNoHold);
          if (account.cashNeed > 0.02) expect(rules, account.id).toContain('cash.min');
          if (account.cashNeed < -0.02) expect(rules, account.id).not.toContain('cash.min');
        }
      }),
      { numRuns: 300 },
    );
  });
});
