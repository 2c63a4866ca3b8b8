import { describe, expect, it } from 'vitest';
import { parseLedgerResponse, parseRebalanceResponse } from './index.js';
import type { JsonPath } from './problem-helpers.js';
import { edited, fixture, problemLines, REMOVE } from './test-support/fixtures.js';

const ledger = (...changes: [JsonPath, unknown][]) =>
  problemLines(parseLedgerResponse(edited(fixture('ledger-response'), ...changes)));
const rebalance = (...changes: [JsonPath, unknown][]) =>
  problemLines(parseRebalanceResponse(edited(fixture('rebalance-response'), ...changes)));
const account: JsonPath = ['accounts', 0];
const summary: JsonPath = [...account, 'summary'];
const sell: JsonPath = [...account, 'trades', 0];

describe('parseLedgerResponse', () => {
  it('accepts the added details kind, washSalePermanent and bought', () => {
    expect(
      ledger(
        [['realized', 0, 'kind'], 'returnOfCapital'],
        [['realized', 0, 'washSalePermanent'], true],
        [['openLots', 0, 'bought'], '2024-02-15'],
      ),
    ).toEqual([]);
  });

  it('rejects bad values and unknown fields at each depth', () => {
    expect(
      ledger(
        [['realized', 0, 'term'], 'medium'],
        [['realized', 0, 'washSaleDisallowed'], -200],
        [['openLots', 0, 'quantity'], 0],
        [['totals', 'total'], 0],
        [['summary'], {}],
      ),
    ).toEqual([
      'realized[0].washSaleDisallowed: expected a number at least 0, found -200',
      'realized[0].term: expected one of "short", "long", found "medium"',
      'openLots[0].quantity: expected a number greater than 0, found 0',
      'totals: unknown field "total"',
      '$: unknown field "summary"',
    ]);
  });
});

describe('parseRebalanceResponse', () => {
  it('accepts the added summary details binding and customizationCost', () => {
    const binding = [
      { constraint: 'risk.maxTrackingError', shadowPrice: 12.5, explanation: 'TE limit binds' },
    ];
    const cost = [
      { customization: 'restrictions[2] (noHold Energy)', trackingError: 0.004, tax: 310.2 },
    ];
    expect(
      rebalance([[...summary, 'binding'], binding], [[...summary, 'customizationCost'], cost]),
    ).toEqual([]);
  });

  it('accepts a wash-sale disallowance on a lot line and every reason', () => {
    const reasons = [
      'model',
      'drift',
      'cashNeed',
      'restriction',
      'substitution',
      'taxLossHarvest',
      'replacement',
      'riskReduction',
    ];
    expect(
      rebalance([[...sell, 'lots', 0, 'washSaleDisallowed'], 20], [[...sell, 'reasons'], reasons]),
    ).toEqual([]);
  });

  it('rejects a reason outside the list, and a trade without one', () => {
    expect(rebalance([[...sell, 'reasons'], ['rebalance']])).toEqual([
      'accounts[0].trades[0].reasons[0]: expected one of "model", "drift", "cashNeed", "restriction", "substitution", "taxLossHarvest", "replacement", "riskReduction", found "rebalance"',
    ]);
    expect(rebalance([[...sell, 'reasons'], []])).toEqual([
      'accounts[0].trades[0].reasons: expected at least 1 item, found an array of 0 items',
    ]);
  });

  it('requires a sell to list lots that sum to its quantity, and a buy to list none', () => {
    expect(rebalance([[...sell, 'lots'], REMOVE])).toEqual([
      'accounts[0].trades[0]: a sell must list the lots it relieves in "lots"',
    ]);
    expect(rebalance([[...sell, 'lots', 0, 'quantity'], 9])).toEqual([
      "accounts[0].trades[0].lots: the lots' quantities sum to 9, not the trade's quantity 10",
    ]);
    expect(rebalance([[...sell, 'side'], 'buy'])).toEqual([
      'accounts[0].trades[0].lots: a buy carries no lots: it becomes one new lot',
    ]);
  });

  it('keeps status, trades, relaxations and error consistent', () => {
    const relaxation = { setting: 'tax.gainBudget.longTerm', limit: 5000, actual: 6120.55 };
    const error = { code: 'conflict', message: 'noHold and noSell on lot L1' };
    expect(
      rebalance([[...account, 'status'], 'relaxed'], [[...summary, 'relaxed', 0], relaxation]),
    ).toEqual([]);
    expect(rebalance([[...account, 'status'], 'error'], [[...account, 'error'], error])).toEqual(
      [],
    );
    expect(rebalance([[...account, 'status'], 'noTrade'])).toEqual([
      'accounts[0].status: status "noTrade" means no trades and nothing relaxed',
    ]);
    expect(rebalance([[...account, 'status'], 'relaxed'])).toEqual([
      'accounts[0].summary.relaxed: status "relaxed" must say what gave way in summary.relaxed',
    ]);
    expect(rebalance([[...account, 'status'], 'error'])).toEqual([
      'accounts[0].error: status "error" needs an error { code, message }',
    ]);
    expect(rebalance([[...account, 'error'], error])).toEqual([
      'accounts[0].error: error must be null when status is "ok"',
    ]);
  });

  it('rejects unknown fields at each depth', () => {
    expect(
      rebalance(
        [['accounts', 0, 'note'], ''],
        [[...sell, 'lots', 0, 'gian'], 1],
        [[...summary, 'after', 'te'], 0],
        [[...summary, 'relaxed', 0], { setting: 'x', limit: 1, actual: 2, by: 1 }],
      ),
    ).toEqual([
      'accounts[0].trades[0].lots[0]: unknown field "gian" (did you mean "gain"?)',
      'accounts[0].summary.after: unknown field "te"',
      'accounts[0].summary.relaxed[0]: unknown field "by"',
      'accounts[0]: unknown field "note"',
      'accounts[0].status: status "ok" means trades and nothing relaxed',
    ]);
  });
});
