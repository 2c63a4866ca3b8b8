import { describe, expect, it } from 'vitest';
import { buyCandidates } from './buy-candidates.js';
import { buildHouseholdContext } from './index.js';
import { account, lot, model, placeholderRisk, request, security } from './test-support/request.js';

const ids = ['AAA', 'BBB', 'VTI', 'BND', 'IVV'];
/** The ids whose flag is 1. */
const named = (flags: Uint8Array) => ids.filter((_, i) => flags[i] === 1);

describe('buyCandidates', () => {
  const f = (...v: number[]) => Float64Array.from(v);
  const direct = { benchmark: f(0.5, 0.5, 0, 0, 0), heldQuantity: f(10, 0, 0, 0, 0) };
  const etf = { benchmark: f(0, 0, 0.6, 0.4, 0), heldQuantity: f(0, 0, 0, 0, 0) };

  it('gives an account its benchmark and the securities no benchmark names, not the others’', () => {
    const [a, b] = buyCandidates([direct, etf]);
    expect(named(a!)).toEqual(['AAA', 'BBB', 'IVV']);
    expect(named(b!)).toEqual(['VTI', 'BND', 'IVV']);
  });

  it('adds what the account holds, even when another account’s benchmark names it', () => {
    const holder = { ...etf, heldQuantity: f(0, 3, 0, 0, 0) };
    expect(named(buyCandidates([direct, holder])[1]!)).toEqual(['BBB', 'VTI', 'BND', 'IVV']);
  });

  it('counts a benchmark weight of exactly 0 (a substitution’s `from`) as not named', () => {
    const moved = { ...etf, benchmark: f(0, 0, 0, 0.4, 0.6) };
    expect(named(buyCandidates([moved])[0]!)).toEqual(['AAA', 'BBB', 'VTI', 'BND', 'IVV']);
    expect(named(buyCandidates([direct, moved])[1]!)).toEqual(['VTI', 'BND', 'IVV']);
  });
});

describe('buy candidates in the household context', () => {
  const securities = ids.map((id) => security(id, 100));
  const models = [model('direct', ['AAA', 0.5], ['BBB', 0.49]), model('etf', ['VTI', 0.6])];

  it('follow each account’s model, and the model of a held-away account counts too', () => {
    const ctx = buildHouseholdContext(
      request({
        securities,
        models,
        accounts: [
          account('D', { model: 'direct' }),
          account('E', { model: 'etf' }),
          account('N', { model: null, lots: [lot('L1', 'BND', 5, 400)] }),
          account('X', { model: null, tradable: false, lots: [lot('L2', 'IVV', 5, 400)] }),
        ],
      }),
      placeholderRisk(),
    );
    const [d, e, n] = ctx.accounts.map((a) => named(a.buyCandidate));
    expect(d).toEqual(['AAA', 'BBB']);
    expect(e).toEqual(['VTI']);
    // A model-null account's benchmark is what it holds.
    expect(n).toEqual(['BND']);
  });

  it('is every security in household mode, where all accounts share the household benchmark', () => {
    const ctx = buildHouseholdContext(
      request({
        securities,
        models: [...models, model('all', ['model:direct', 0.5], ['model:etf', 0.5])],
        household: { id: 'H1', shortTermRate: 0.4, longTermRate: 0.2, model: 'all' },
        accounts: [account('D', { model: 'direct' }), account('E', { model: 'etf' })],
      }),
      placeholderRisk(),
    );
    for (const a of ctx.accounts) expect(named(a.buyCandidate)).toEqual(ids);
  });

  it('is not a restriction: it sets no noBuy flag and no block reason', () => {
    const ctx = buildHouseholdContext(
      request({
        securities,
        models,
        accounts: [account('D', { model: 'direct' }), account('E', { model: 'etf' })],
      }),
      placeholderRisk(),
    );
    const e = ctx.accounts[1]!;
    expect(e.buyCandidate[0]).toBe(0);
    expect(e.rules.noBuy[0]).toBe(0);
    expect(e.buyBlockReason.has(0)).toBe(false);
  });
});
