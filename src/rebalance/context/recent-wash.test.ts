import { describe, expect, it } from 'vitest';
import { toDay } from '../../tax/index.js';
import { collectRecentWash, inWashWindow, isLossSale } from './recent-wash.js';
import { account, lot, security, table, trade } from './test-support/request.js';

const asOf = toDay('2026-11-24');
const { securities, securityIndex } = table(
  security('SPY', 500, { washGroup: 'sp500' }),
  security('VOO', 460, { washGroup: 'sp500' }),
  security('NVDA', 100),
);
const collect = (...accounts: Parameters<typeof account>[]) =>
  collectRecentWash(
    accounts.map(([id, extra]) => account(id, extra)),
    securities,
    securityIndex,
    asOf,
  );

describe('the 30-day window', () => {
  it('runs from 30 calendar days before asOf through asOf', () => {
    expect(inWashWindow('2026-10-25', asOf)).toBe(true);
    expect(inWashWindow('2026-10-24', asOf)).toBe(false);
    expect(inWashWindow('2026-11-24', asOf)).toBe(true);
    expect(inWashWindow('2026-11-25', asOf)).toBe(false);
  });

  it('treats a sell without realizedGain as a loss, and a zero gain as none', () => {
    expect(isLossSale(trade('2026-11-01', 'NVDA', 'sell', 5))).toBe(true);
    expect(isLossSale(trade('2026-11-01', 'NVDA', 'sell', 5, 0))).toBe(false);
    expect(isLossSale(trade('2026-11-01', 'NVDA', 'buy', 5))).toBe(false);
  });

  it('treats a sell with any loss lot as a loss, even at a net gain', () => {
    const netGain = trade('2026-11-01', 'NVDA', 'sell', 5, 500);
    expect(isLossSale({ ...netGain, realizedLoss: -40 })).toBe(true);
    expect(isLossSale({ ...netGain, realizedLoss: 0 })).toBe(false);
    expect(isLossSale(netGain)).toBe(false);
    expect(isLossSale({ ...trade('2026-11-01', 'NVDA', 'sell', 5), realizedLoss: 0 })).toBe(true);
    expect(isLossSale({ ...trade('2026-11-01', 'NVDA', 'buy', 5), realizedLoss: -40 })).toBe(false);
  });
});

describe('buy blocks from recent loss sales', () => {
  it('a loss sale of SPY in a taxable account blocks the whole S&P 500 wash set', () => {
    const { wash } = collect([
      'A1',
      { recentTrades: [trade('2026-11-01', 'SPY', 'sell', 5, -250)] },
    ]);
    expect([...wash.buyBlocked]).toEqual(['sp500']);
  });

  it('the same loss sale in an IRA triggers nothing', () => {
    const { wash } = collect([
      'IRA',
      { taxStatus: 'deferred', recentTrades: [trade('2026-11-01', 'SPY', 'sell', 5, -250)] },
    ]);
    expect(wash.buyBlocked.size).toBe(0);
  });

  it('a held-away taxable account’s loss sale still blocks, and a gain or an old loss does not', () => {
    const { wash } = collect(
      ['401k', { tradable: false, recentTrades: [trade('2026-11-20', 'NVDA', 'sell', 1)] }],
      ['A1', { recentTrades: [trade('2026-11-01', 'SPY', 'sell', 5, 10)] }],
      ['A2', { recentTrades: [trade('2026-10-01', 'VOO', 'sell', 5, -10)] }],
    );
    expect([...wash.buyBlocked]).toEqual(['NVDA']);
  });

  it('a net-gain sell that relieved a loss lot blocks its wash set; one without a loss lot does not', () => {
    const netGain = trade('2026-11-01', 'SPY', 'sell', 5, 500);
    const blocked = (realizedLoss?: number) =>
      collect([
        'A1',
        { recentTrades: [realizedLoss === undefined ? netGain : { ...netGain, realizedLoss }] },
      ]).wash.buyBlocked;
    expect([...blocked(-40)]).toEqual(['sp500']);
    expect(blocked(0).size).toBe(0);
    expect(blocked().size).toBe(0);
  });
});

describe('recent buys', () => {
  it('a recent buy in the IRA marks the wash set for the taxable account’s loss lots', () => {
    const { wash } = collect(
      ['IRA', { taxStatus: 'deferred', recentTrades: [trade('2026-11-10', 'VOO', 'buy', 3)] }],
      ['A1', { recentTrades: [trade('2026-11-12', 'SPY', 'buy', 2)] }],
    );
    expect(wash.recentlyBought).toEqual(new Map([['sp500', 5]]));
  });

  it('a buy before the window does not count', () => {
    const { wash } = collect(['A1', { recentTrades: [trade('2026-10-24', 'SPY', 'buy', 2)] }]);
    expect(wash.recentlyBought.size).toBe(0);
  });
});

describe('lots acquired in the window without their buy', () => {
  it('warn, naming the account, the lot, the date and what to add', () => {
    const { warnings } = collect(['A1', { lots: [lot('L7', 'NVDA', 10, 900, '2026-11-10')] }]);
    expect(warnings).toEqual([
      [
        'account A1: lot L7 (NVDA) was acquired on 2026-11-10, within the last 30 days, but ' +
          "recentTrades lists no buy of NVDA on that date; add the fill to the account's " +
          'recentTrades so the wash-sale rules can see it',
      ],
    ]);
  });

  it('stay silent when the buy is listed or the lot is older than the window', () => {
    const { warnings } = collect([
      'A1',
      {
        lots: [lot('L7', 'NVDA', 10, 900, '2026-11-10'), lot('L8', 'SPY', 1, 400, '2026-10-01')],
        recentTrades: [trade('2026-11-10', 'NVDA', 'buy', 10)],
      },
    ]);
    expect(warnings).toEqual([[]]);
  });

  it('are reported on the account that holds the lot only', () => {
    const { warnings } = collect(
      ['A1', { recentTrades: [trade('2026-11-10', 'NVDA', 'buy', 10)] }],
      ['A2', { lots: [lot('L7', 'NVDA', 10, 900, '2026-11-10')] }],
    );
    expect(warnings[0]).toEqual([]);
    expect(warnings[1]).toHaveLength(1);
  });
});
