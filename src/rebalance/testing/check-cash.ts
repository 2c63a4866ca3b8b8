/**
 * Cash and value (spec Definitions: Value, Cash rule): before figures are V and cash; after.value
 * = V − W; after.cash = cash + sells − buys − W from the rounded trade values; after.cash ≥
 * cash.min × (V − W). Skipped after-figures for accounts in error.
 */
import type { Check } from './check-context.js';
import { sideTotal } from './check-context.js';
import { CENT, fmt, Findings } from './violation.js';

/** Checks every account's cash and value figures and the cash rule. */
export const checkCash: Check = ({ pairs }) => {
  const f = new Findings();
  for (const { facts, proposal } of pairs) {
    const { id, value, withdrawal, cashMin } = facts;
    const { before, after } = proposal.summary;
    const cash = facts.account.cash;
    // V is an exact sum of products; reported to the cent at most.
    f.expect(Math.abs(before.value - value) <= CENT, id, 'cash.beforeValue', () => {
      return `before.value ${fmt(before.value)}, expected V = ${fmt(value)}`;
    });
    f.expect(Math.abs(before.cash - cash) <= CENT, id, 'cash.beforeCash', () => {
      return `before.cash ${fmt(before.cash)}, expected ${fmt(cash)}`;
    });
    if (proposal.status === 'error') continue;
    const trades = proposal.trades;
    const expectedValue = value - withdrawal;
    const rounding = CENT + 0.005 * trades.length;
    f.expect(Math.abs(after.value - expectedValue) <= rounding, id, 'cash.afterValue', () => {
      return `after.value ${fmt(after.value)}, expected V − W = ${fmt(expectedValue)}`;
    });
    const expectedCash = cash + sideTotal(trades, 'sell') - sideTotal(trades, 'buy') - withdrawal;
    f.expect(Math.abs(after.cash - expectedCash) <= CENT, id, 'cash.afterCash', () => {
      return `after.cash ${fmt(after.cash)}, expected cash + sells − buys − W = ${fmt(expectedCash)}`;
    });
    const floor = cashMin * expectedValue;
    f.expect(expectedCash >= floor - CENT, id, 'cash.min', () => {
      return `cash after trading ${fmt(expectedCash)} is below cash.min × (V − W) = ${fmt(floor)}`;
    });
  }
  return f.list;
};
