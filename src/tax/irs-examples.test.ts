/**
 * Worked examples from IRS Publication 550 and Treas. Reg. 1.1091-1 / 1.1091-2, transcribed with
 * their dates and amounts; each test names its source.
 */
import { describe, expect, it } from 'vitest';
import { buy, household, openLot, replayOk, sell } from './test-support/history.js';

const T = { A: 'taxable' } as const;

describe('IRS Pub. 550, Wash Sales', () => {
  it('Pub. 550 "Wash Sales" example: $250 loss disallowed and added to the new shares ($1,050 basis)', () => {
    const r = replayOk(
      household(T, [
        buy('2024-01-02', 'A', 'X', 100, 10, 'B1'),
        sell('2024-03-01', 'A', 'X', 100, 7.5),
        buy('2024-03-20', 'A', 'X', 100, 8, 'B2'),
      ]),
    );
    expect(r.realized).toHaveLength(1);
    expect(r.realized[0]).toMatchObject({
      gain: -250,
      washSaleDisallowed: 250,
      costBasis: 1000,
      proceeds: 750,
    });
    expect(openLot(r, 'B2')).toMatchObject({
      costBasis: 1050,
      washSaleAdjustment: 250,
      quantity: 100,
    });
    expect(r.totals).toEqual({ shortTerm: 0, longTerm: 0, washSaleDisallowed: 250 });
  });

  it('Pub. 550 "More or less stock bought than sold", example 1: 75 of 100 shares replaced, $750 of $1,000 disallowed', () => {
    const r = replayOk(
      household(T, [
        buy('2024-09-24', 'A', 'M', 100, 50, 'SEP'),
        buy('2024-12-21', 'A', 'M', 50, 55, 'DEC21'),
        buy('2024-12-28', 'A', 'M', 25, 45, 'DEC28'),
        sell('2025-01-04', 'A', 'M', 100, 40),
      ]),
    );
    expect(r.realized[0]).toMatchObject({
      lot: 'SEP',
      gain: -1000,
      washSaleDisallowed: 750,
      term: 'short',
    });
    expect(openLot(r, 'DEC21')).toMatchObject({ costBasis: 3250, washSaleAdjustment: 500 });
    expect(openLot(r, 'DEC28')).toMatchObject({ costBasis: 1375, washSaleAdjustment: 250 });
    expect(r.totals.shortTerm).toBe(-250);
  });

  it('Pub. 550 "More or less stock bought than sold", example 2: the first 100 shares bought after the sale replace it', () => {
    const r = replayOk(
      household(T, [
        buy('2024-09-24', 'A', 'M', 100, 50, 'SEP'),
        sell('2025-02-03', 'A', 'M', 100, 40),
        buy('2025-02-11', 'A', 'M', 50, 40, 'F11'),
        buy('2025-02-12', 'A', 'M', 50, 40, 'F12'),
        buy('2025-02-13', 'A', 'M', 50, 40, 'F13'),
        buy('2025-02-14', 'A', 'M', 50, 40, 'F14'),
      ]),
    );
    expect(r.realized[0]).toMatchObject({ gain: -1000, washSaleDisallowed: 1000 });
    expect(openLot(r, 'F11')).toMatchObject({ costBasis: 2500, washSaleAdjustment: 500 });
    expect(openLot(r, 'F12')).toMatchObject({ costBasis: 2500, washSaleAdjustment: 500 });
    expect(openLot(r, 'F13')).toMatchObject({ costBasis: 2000, washSaleAdjustment: 0 });
    expect(openLot(r, 'F14')).toMatchObject({ costBasis: 2000, washSaleAdjustment: 0 });
    // Holding period tacks: the sold shares were held 132 days (2024-09-24 to 2025-02-03).
    expect(openLot(r, 'F11').acquired).toBe('2024-10-02');
    expect(openLot(r, 'F12').acquired).toBe('2024-10-03');
    expect(openLot(r, 'F13').acquired).toBe('2025-02-13');
  });
});

describe('Treas. Reg. 1.1091-1(h)', () => {
  it('Example 1: a purchase 19 days before the sale disallows the whole loss', () => {
    const r = replayOk(
      household(T, [
        buy('1954-12-01', 'A', 'M', 100, 100, 'D1'),
        buy('1954-12-15', 'A', 'M', 100, 90, 'D15'),
        sell('1955-01-03', 'A', 'M', 100, 90),
      ]),
    );
    expect(r.realized[0]).toMatchObject({ lot: 'D1', gain: -1000, washSaleDisallowed: 1000 });
    expect(openLot(r, 'D15')).toMatchObject({
      costBasis: 10000,
      washSaleAdjustment: 1000,
      acquired: '1954-11-12',
    });
  });

  it('Example 2: 75 shares bought within the 61-day period; $750 disallowed, $250 allowed', () => {
    const r = replayOk(
      household(T, [
        buy('1954-09-21', 'A', 'M', 100, 50, 'S21'),
        buy('1954-12-21', 'A', 'M', 50, 55, 'D21'),
        buy('1954-12-27', 'A', 'M', 25, 45, 'D27'),
        sell('1955-01-03', 'A', 'M', 100, 40),
      ]),
    );
    expect(r.realized[0]).toMatchObject({ gain: -1000, washSaleDisallowed: 750 });
    expect(openLot(r, 'D21').costBasis).toBe(3250);
    expect(openLot(r, 'D27').costBasis).toBe(1375);
  });

  it('Example 3: of four purchases of 50 after the sale, the first two replace the 100 shares', () => {
    const r = replayOk(
      household(T, [
        buy('1954-09-15', 'A', 'M', 100, 50, 'SEP'),
        sell('1956-02-01', 'A', 'M', 100, 40),
        buy('1956-02-15', 'A', 'M', 50, 40, 'F15'),
        buy('1956-02-16', 'A', 'M', 50, 40, 'F16'),
        buy('1956-02-17', 'A', 'M', 50, 40, 'F17'),
        buy('1956-02-18', 'A', 'M', 50, 40, 'F18'),
      ]),
    );
    expect(r.realized[0]).toMatchObject({ gain: -1000, washSaleDisallowed: 1000, term: 'long' });
    expect([openLot(r, 'F15'), openLot(r, 'F16')].map((l) => l.washSaleAdjustment)).toEqual([
      500, 500,
    ]);
    expect([openLot(r, 'F17'), openLot(r, 'F18')].map((l) => l.washSaleAdjustment)).toEqual([0, 0]);
  });
});

describe('Treas. Reg. 1.1091-2(a) basis of the replacement', () => {
  it('example: old share cost $100, sold $80, new share $90: new basis $110', () => {
    const r = replayOk(
      household(T, [
        buy('1935-06-01', 'A', 'X', 1, 100, 'OLD'),
        sell('1955-01-15', 'A', 'X', 1, 80),
        buy('1955-02-01', 'A', 'X', 1, 90, 'NEW'),
      ]),
    );
    expect(openLot(r, 'NEW').costBasis).toBe(110);
  });

  it('example: new share bought for $70 instead: new basis $90', () => {
    const r = replayOk(
      household(T, [
        buy('1935-06-01', 'A', 'X', 1, 100, 'OLD'),
        sell('1955-01-15', 'A', 'X', 1, 80),
        buy('1955-02-01', 'A', 'X', 1, 70, 'NEW'),
      ]),
    );
    expect(openLot(r, 'NEW').costBasis).toBe(90);
  });
});

describe('Rev. Rul. 2008-5: replacement bought in an IRA', () => {
  it('disallows the loss for good: no basis moves into the IRA lot', () => {
    const r = replayOk(
      household({ A: 'taxable', IRA: 'deferred' }, [
        buy('2024-01-02', 'A', 'X', 100, 10, 'B1'),
        sell('2024-03-01', 'A', 'X', 100, 7.5),
        buy('2024-03-05', 'IRA', 'X', 100, 7.6, 'I1'),
      ]),
    );
    expect(r.realized[0]).toMatchObject({ washSaleDisallowed: 250, washSalePermanent: true });
    expect(openLot(r, 'I1')).toMatchObject({
      costBasis: 760,
      washSaleAdjustment: 0,
      acquired: '2024-03-05',
    });
    expect(r.totals).toEqual({ shortTerm: 0, longTerm: 0, washSaleDisallowed: 250 });
  });
});

describe('Rev. Rul. 56-602: selling part of a lot', () => {
  it('the unsold shares of the same lot are not replacements', () => {
    const r = replayOk(
      household(T, [
        buy('2024-01-05', 'A', 'XYZ', 100, 20, 'B1'),
        sell('2024-02-10', 'A', 'XYZ', 40, 15),
      ]),
    );
    expect(r.realized[0]).toMatchObject({ gain: -200, washSaleDisallowed: 0 });
    expect(openLot(r, 'B1')).toMatchObject({
      quantity: 60,
      costBasis: 1200,
      washSaleAdjustment: 0,
    });
    expect(r.totals.shortTerm).toBe(-200);
  });
});
