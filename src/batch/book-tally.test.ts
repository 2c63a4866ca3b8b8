import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RebalanceRequest } from '../domain/index.js';
import { rebalance } from '../rebalance/index.js';
import { addToTally, emptyTally } from './book-tally.js';

const smith = JSON.parse(
  readFileSync(new URL('../../examples/rebalance/smith-household.json', import.meta.url), 'utf8'),
) as RebalanceRequest;

describe('book tally', () => {
  const response = rebalance(smith, { explain: false });

  it('sums trades and tax over accounts and keeps means of drift and tracking error', () => {
    const t = emptyTally();
    addToTally(t, response);
    addToTally(t, response);
    const accounts = response.accounts.filter((a) => a.status !== 'error');
    const buys = accounts.flatMap((a) => a.trades).filter((x) => x.side === 'buy');
    expect(t.accounts).toBe(2 * accounts.length);
    expect(t.buysUsd).toBeCloseTo(2 * buys.reduce((s, x) => s + x.value, 0), 6);
    const drift = accounts.reduce((s, a) => s + a.summary.before.maxDrift, 0) / accounts.length;
    expect(t.meanMaxDriftBefore).toBeCloseTo(drift, 12);
    expect(t.meanMaxDriftAfter).toBeLessThan(t.meanMaxDriftBefore);
  });

  it('counts an account in error apart, out of the means', () => {
    const t = emptyTally();
    const [first] = response.accounts;
    addToTally(t, {
      asOf: response.asOf,
      accounts: [{ ...first!, status: 'error', error: { code: 'x', message: 'x' } }],
    });
    expect(t).toMatchObject({ accounts: 0, accountsInError: 1, meanMaxDriftBefore: 0 });
  });
});
