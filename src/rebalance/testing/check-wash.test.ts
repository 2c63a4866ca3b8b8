import { describe, expect, it } from 'vitest';
import type { ProposedTrade } from '../../domain/index.js';
import { checkWash } from './check-wash.js';
import { accountOf, proposalOf, rulesOf, scenario, settingsOf } from './proposal-fixture.js';

const buyFff: ProposedTrade = {
  security: 'FFF',
  side: 'buy',
  quantity: 1,
  price: 30,
  value: 30,
  reasons: ['model'],
};

/** A sale of `quantity` CCC from A1's lot L3 (basis 30 a share, price 20: a loss). */
function sellCcc(quantity: number, disallowed?: number): ProposedTrade {
  return {
    security: 'CCC',
    side: 'sell',
    quantity,
    price: 20,
    value: 20 * quantity,
    reasons: ['drift'],
    lots: [
      {
        lot: 'L3',
        quantity,
        costBasis: 30 * quantity,
        gain: -10 * quantity,
        term: 'long',
        ...(disallowed === undefined ? {} : { washSaleDisallowed: disallowed }),
      },
    ],
  };
}

describe('checkWash', () => {
  it('passes the valid proposal', () => {
    expect(rulesOf(checkWash, scenario())).toEqual([]);
  });

  it('(a) catches a buy of a wash set sold at a loss in a taxable account in the last 30 days', () => {
    const s = scenario();
    proposalOf(s, 'A2').trades.push(buyFff); // A3 (held away, taxable) sold EEE at a loss on 11-10
    expect(rulesOf(checkWash, s)).toEqual(['A2:wash.buyAfterRecentLoss']);
    const fill = accountOf(s, 'A3').recentTrades[0]!;
    delete fill.realizedGain; // no gain given: treated as a loss
    expect(rulesOf(checkWash, s)).toEqual(['A2:wash.buyAfterRecentLoss']);
    fill.realizedGain = 10;
    expect(rulesOf(checkWash, s)).toEqual([]);
    fill.realizedLoss = -4; // a net gain, but a loss lot among those relieved
    expect(rulesOf(checkWash, s)).toEqual(['A2:wash.buyAfterRecentLoss']);
    fill.realizedLoss = 0;
    expect(rulesOf(checkWash, s)).toEqual([]);
    delete fill.realizedLoss;
    fill.realizedGain = -10;
    fill.date = '2026-10-24'; // 31 days before asOf: outside the window
    expect(rulesOf(checkWash, s)).toEqual([]);
    fill.date = '2026-10-25';
    accountOf(s, 'A3').taxStatus = 'exempt';
    expect(rulesOf(checkWash, s)).toEqual([]);
  });

  it('(a) catches a buy of a wash set this proposal sells at a loss in a taxable account', () => {
    const s = scenario();
    proposalOf(s, 'A2').trades.push({
      security: 'BBB',
      side: 'buy',
      quantity: 1,
      price: 50,
      value: 50,
      reasons: ['model'],
    });
    expect(rulesOf(checkWash, s)).toEqual(['A2:wash.buyWithLossSale']);
  });

  it('(b) catches an unforced taxable loss sale of a wash set bought in the last 30 days', () => {
    const s = scenario();
    proposalOf(s, 'A1').trades.push(sellCcc(10)); // A2 bought DDD (same group) on 11-01
    expect(rulesOf(checkWash, s)).toEqual(['A1:wash.lossSaleAfterBuy']);
    accountOf(s, 'A1').taxStatus = 'deferred';
    expect(rulesOf(checkWash, s)).toEqual([]);
  });

  it('(b) a forced loss sale is made and must report the disallowed loss', () => {
    const s = scenario();
    settingsOf(s, 'A1').restrictions!.push({ security: 'CCC', rule: 'noHold' });
    proposalOf(s, 'A1').trades.push(sellCcc(50));
    expect(rulesOf(checkWash, s)).toEqual(['A1:wash.disallowedMissing']);
    proposalOf(s, 'A1').trades[2] = sellCcc(50, 500);
    expect(rulesOf(checkWash, s)).toEqual([]);
  });

  it('(b) a disallowed part below half a cent may round to nothing, and no further', () => {
    const s = scenario();
    settingsOf(s, 'A1').restrictions!.push({ security: 'CCC', rule: 'noHold' });
    proposalOf(s, 'A1').trades.push(sellCcc(50)); // $10 a share lost, $500 in all
    const replacement = accountOf(s, 'A2').recentTrades[0]!;
    replacement.quantity = 0.0004; // disallows at least $0.004 (rounds to $0.00)
    expect(rulesOf(checkWash, s)).toEqual([]);
    replacement.quantity = 0.001; // at least $0.01
    expect(rulesOf(checkWash, s)).toEqual(['A1:wash.disallowedMissing']);
  });

  it('loss sales in deferred accounts trigger nothing and disallow nothing', () => {
    const s = scenario();
    const sale: ProposedTrade = {
      security: 'DDD',
      side: 'sell',
      quantity: 100,
      price: 10,
      value: 1000,
      reasons: ['drift'],
      lots: [{ lot: 'M1', quantity: 100, costBasis: 1200, gain: -200, term: 'short' }],
    };
    proposalOf(s, 'A2').trades.push(sale);
    proposalOf(s, 'A1').trades.push({
      security: 'CCC',
      side: 'buy',
      quantity: 1,
      price: 20,
      value: 20,
      reasons: ['model'],
    });
    expect(rulesOf(checkWash, s)).toEqual([]);
    sale.lots![0]!.washSaleDisallowed = 200;
    expect(rulesOf(checkWash, s)).toEqual(['A2:wash.disallowedNotTaxable']);
  });

  it('catches a disallowance larger than the loss or with no recent purchase', () => {
    const s = scenario();
    settingsOf(s, 'A1').restrictions!.push({ security: 'CCC', rule: 'noHold' });
    proposalOf(s, 'A1').trades.push(sellCcc(50, 600));
    expect(rulesOf(checkWash, s)).toEqual(['A1:wash.disallowedTooLarge']);
    const t = scenario();
    proposalOf(t, 'A1').trades[0]!.lots![0]!.washSaleDisallowed = 100; // BBB: nothing bought lately
    expect(rulesOf(checkWash, t)).toEqual(['A1:wash.disallowedUnexplained']);
  });
});
