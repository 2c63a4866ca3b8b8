import { describe, expect, it } from 'vitest';
import { WashIdentity } from './wash-identity.js';

describe('WashIdentity', () => {
  it('joins wash groups and ticker changes transitively', () => {
    const id = new WashIdentity();
    id.join('SPY', 'IVV');
    id.join('VOO', 'SPY');
    id.join('XYZ', 'XYZN');
    expect(id.root('IVV')).toBe(id.root('VOO'));
    expect([...id.tickers('VOO')].sort()).toEqual(['IVV', 'SPY', 'VOO']);
    expect(id.root('XYZ')).not.toBe(id.root('SPY'));
  });

  it('treats an unknown ticker as its own set', () => {
    const id = new WashIdentity();
    expect([...id.tickers('AAPL')]).toEqual(['AAPL']);
    expect(id.root('AAPL')).toBe('AAPL');
  });
});
