import { describe, expect, it } from 'vitest';
import type { Restriction, Substitution } from '../../domain/index.js';
import { accountRules, describeRestriction, type RuleInputs } from './restrictions.js';
import { byId, security, table } from './test-support/request.js';

const { securities, securityIndex } = table(
  security('XOM', 100, { sector: 'Energy' }),
  security('CVX', 100, { sector: 'Energy' }),
  security('MO', 50, { sector: 'Consumer Staples', tags: ['tobacco'] }),
  security('AAPL', 190, { sector: 'Information Technology' }),
  security('SPY', 500, { washGroup: 'sp500' }),
  security('VOO', 460, { washGroup: 'sp500' }),
);
const rulesOf = (
  restrictions: Restriction[],
  substitutions: Substitution[] = [],
  washBuyBlocked: string[] = [],
) => {
  const input: RuleInputs = {
    restrictions,
    substitutions,
    washBuyBlocked: new Set(washBuyBlocked),
    securities,
    securityIndex,
  };
  return accountRules(input);
};
const view = (flags: Uint8Array) => Object.keys(byId(securities, flags));

describe('restrictions expanded to securities', () => {
  it('a sector noHold reaches every security of the sector and implies noBuy', () => {
    const { rules, sources } = rulesOf([{ sector: 'Energy', rule: 'noHold' }]);
    expect(view(rules.noHold)).toEqual(['XOM', 'CVX']);
    expect(view(rules.noBuy)).toEqual(['XOM', 'CVX']);
    expect(sources.noHold.get(0)).toBe('sector Energy');
  });

  it('a tag restriction reaches the securities carrying the tag, and no others', () => {
    const { rules } = rulesOf([{ tag: 'tobacco', rule: 'noBuy' }]);
    expect(view(rules.noBuy)).toEqual(['MO']);
    expect(view(rules.noHold)).toEqual([]);
  });

  it('a noSell freezes the lots but still allows buying', () => {
    const { rules, buyBlockReason } = rulesOf([{ security: 'AAPL', rule: 'noSell' }]);
    expect(view(rules.noSell)).toEqual(['AAPL']);
    expect(view(rules.noBuy)).toEqual([]);
    expect(buyBlockReason.size).toBe(0);
  });

  it('a sector nobody is in restricts nothing', () => {
    const { rules } = rulesOf([{ sector: 'Utilities', rule: 'noHold' }]);
    expect(view(rules.noHold)).toEqual([]);
  });

  it('names each restriction by where it applies', () => {
    expect(describeRestriction({ security: 'AAPL', rule: 'noSell' })).toBe('security AAPL');
    expect(describeRestriction({ tag: 'tobacco', rule: 'noHold' })).toBe('tag tobacco');
  });
});

describe('never-buys and their reasons', () => {
  it('a substitution’s `from` is never bought, for the substitution', () => {
    const { rules, buyBlockReason } = rulesOf([], [{ from: 'SPY', to: 'AAPL' }]);
    expect(view(rules.noBuy)).toEqual(['SPY']);
    expect(buyBlockReason.get(4)).toBe('substitution');
  });

  it('a recent taxable loss blocks every member of the wash set', () => {
    const { rules, buyBlockReason } = rulesOf([], [], ['sp500']);
    expect(view(rules.noBuy)).toEqual(['SPY', 'VOO']);
    expect(buyBlockReason.get(5)).toBe('washSale');
  });

  it('keeps the standing reason when a restriction and a wash sale both block', () => {
    const { buyBlockReason } = rulesOf([{ security: 'VOO', rule: 'noBuy' }], [], ['sp500']);
    expect(buyBlockReason.get(5)).toBe('restriction');
    expect(buyBlockReason.get(4)).toBe('washSale');
  });
});
