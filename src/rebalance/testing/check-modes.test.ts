import { describe, expect, it } from 'vitest';
import type { ProposedTrade } from '../../domain/index.js';
import { checkModes } from './check-modes.js';
import { proposalOf, rulesOf, scenario, settingsOf } from './proposal-fixture.js';

/** A gain sale of AAA from lot L1 (basis 80 a share). */
function sellAaa(quantity: number): ProposedTrade {
  return {
    security: 'AAA',
    side: 'sell',
    quantity,
    price: 100,
    value: 100 * quantity,
    reasons: ['drift'],
    lots: [{ lot: 'L1', quantity, costBasis: 80 * quantity, gain: 20 * quantity, term: 'long' }],
  };
}

describe('checkModes', () => {
  it('passes the valid proposal in full and buyOnly modes', () => {
    const s = scenario();
    expect(rulesOf(checkModes, s)).toEqual([]);
    settingsOf(s, 'A1').trading = { mode: 'buyOnly' };
    expect(rulesOf(checkModes, s)).toEqual([]);
  });

  it('catches a buy in sellOnly mode', () => {
    const s = scenario();
    settingsOf(s, 'A1').trading = { mode: 'sellOnly' };
    expect(rulesOf(checkModes, s)).toEqual(['A1:mode.sellOnly']);
  });

  it('catches an unforced sale in buyOnly mode, but not one the cash need requires', () => {
    const s = scenario();
    settingsOf(s, 'A1').trading = { mode: 'buyOnly' };
    proposalOf(s, 'A1').trades.push(sellAaa(5));
    expect(rulesOf(checkModes, s)).toEqual(['A1:mode.unforcedSell']);
    // W = 1500: need = 1500 + 1% × 2500 − 1000 = 525 ≥ the 500 sold.
    settingsOf(s, 'A1').cash!.withdrawal = 1500;
    expect(rulesOf(checkModes, s)).toEqual([]);
  });

  it('cashOnly: buys only the cash above the target plus forced proceeds', () => {
    const s = scenario();
    settingsOf(s, 'A1').trading = { mode: 'cashOnly' };
    // Cash above the target: 1000 − 200 − 20% × 3800 = 40; proceeds 1000; slack one AAA share.
    expect(rulesOf(checkModes, s)).toEqual([]);
    const buy = proposalOf(s, 'A1').trades[1]!;
    buy.quantity = 12;
    buy.value = 1200;
    expect(rulesOf(checkModes, s)).toEqual(['A1:mode.cashOnlyBuys']);
    settingsOf(s, 'A1').cash!.target = 0; // 800 above a zero target
    expect(rulesOf(checkModes, s)).toEqual([]);
  });

  it('within the drift threshold: only forced and loss sales, buys funded by them', () => {
    const s = scenario();
    settingsOf(s, 'A1').drift = { threshold: 0.3 }; // drift before is 0.25
    expect(rulesOf(checkModes, s)).toEqual([]);
    proposalOf(s, 'A1').trades.push(sellAaa(5));
    expect(rulesOf(checkModes, s)).toEqual(['A1:drift.unforcedSell']);
    settingsOf(s, 'A1').drift = { threshold: 0.2 };
    expect(rulesOf(checkModes, s)).toEqual([]);
  });
});
