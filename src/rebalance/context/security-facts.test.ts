import { describe, expect, it } from 'vitest';
import { buildSecurityTable, indexOfSecurity } from './security-facts.js';
import { security } from './test-support/request.js';

describe('security facts', () => {
  it('fills the defaults a bare security leaves out: lot size 1, own wash set, no drag, no tags', () => {
    const { securities } = buildSecurityTable([security('AAPL', 190.12)]);
    expect(securities[0]).toEqual({
      id: 'AAPL',
      index: 0,
      priceUsd: 190.12,
      lotSize: 1,
      washSet: 'AAPL',
      sector: undefined,
      assetClass: undefined,
      tags: [],
      taxDrag: 0,
      cashEquivalent: false,
    });
  });

  it('keeps what the request gives: an S&P 500 ETF joins its wash group', () => {
    const { securities } = buildSecurityTable([
      security('SPY', 500, { washGroup: 'sp500', lotSize: 10, taxDrag: 0.012, tags: ['etf'] }),
    ]);
    expect(securities[0]).toMatchObject({ washSet: 'sp500', lotSize: 10, taxDrag: 0.012 });
    expect(securities[0]?.tags).toEqual(['etf']);
  });

  it('indexes securities in request order', () => {
    const { securityIndex } = buildSecurityTable([security('VTI', 1), security('AGG', 1)]);
    expect(indexOfSecurity(securityIndex, 'VTI')).toBe(0);
    expect(indexOfSecurity(securityIndex, 'AGG')).toBe(1);
  });

  it('fails loudly on an id the validated request should not contain', () => {
    const { securityIndex } = buildSecurityTable([security('VTI', 1)]);
    expect(() => indexOfSecurity(securityIndex, 'XYZ')).toThrow(/unknown security "XYZ"/);
  });
});
