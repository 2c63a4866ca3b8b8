import { describe, expect, it } from 'vitest';
import { filledOf, hasFill, remainingShares, sharesToFill } from './fill-shares';

describe('the shares of an order still to fill', () => {
  it('are the quantity less what is filled', () => {
    expect(remainingShares({ quantity: 1000, filledQuantity: 0 })).toBe(1000);
    expect(remainingShares({ quantity: 1000, filledQuantity: 300 })).toBe(700);
    expect(remainingShares({ quantity: 1000, filledQuantity: 1000 })).toBe(0);
  });

  it('carry no floating-point noise and never go below zero', () => {
    expect(remainingShares({ quantity: 10.3, filledQuantity: 5.1 })).toBe(5.2);
    expect(remainingShares({ quantity: 10, filledQuantity: 10.000000001 })).toBe(0);
  });
});

describe('the filled cell of an order', () => {
  it('says filled of quantity once any share is filled', () => {
    expect(filledOf({ quantity: 1000, filledQuantity: 300 })).toBe('300 of 1,000');
    expect(filledOf({ quantity: 1250.5, filledQuantity: 1250.5 })).toBe('1,250.5 of 1,250.5');
    expect(hasFill({ quantity: 1000, filledQuantity: 300 })).toBe(true);
  });

  it('is empty before the first fill', () => {
    expect(filledOf({ quantity: 1000, filledQuantity: 0 })).toBeNull();
    expect(hasFill({ quantity: 1000, filledQuantity: 0 })).toBe(false);
  });
});

describe('the shares typed into the fill form', () => {
  it('become the quantity to fill', () => {
    expect(sharesToFill('300')).toBe(300);
    expect(sharesToFill(' 12.5 ')).toBe(12.5);
  });

  it('are left out when the box is empty, so the rest of the order fills', () => {
    expect(sharesToFill('')).toBeUndefined();
    expect(sharesToFill('   ')).toBeUndefined();
  });
});
