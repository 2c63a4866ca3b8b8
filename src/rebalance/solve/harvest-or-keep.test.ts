import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RebalanceAccount, RebalanceRequest } from '../../domain/index.js';
import { resolveRiskModel } from '../../risk/index.js';
import { buildHouseholdContext } from '../context/index.js';
import { formulate } from '../problem/index.js';
import { balancedFundHousehold } from '../test-support/balanced-fund-household.js';
import { poorStandIn } from '../test-support/bond-stand-ins.js';
import { harvestOrKeep, harvestValue, keepValue } from './harvest-or-keep.js';

function sets(account: Partial<RebalanceAccount> = {}, edit = (r: RebalanceRequest) => r) {
  const req = edit(balancedFundHousehold(account));
  const ctx = buildHouseholdContext(req, resolveRiskModel(req.riskModel, req.securities).model);
  return harvestOrKeep(ctx, formulate(ctx));
}

const averse = { tax: { harvestLosses: true }, risk: { riskAversion: 5000 } };

describe('harvestValue and keepValue', () => {
  it('sells the best lot up to where its gain meets the curvature, and buys to the spread', () => {
    // c = 2, D = 1: the first lot's optimum is 5/2 − 1 = 1.5, capped at 1, worth
    // 5 − ½·2·(2² − 1²) = 2; the second lot (β = 1) would need D + s < 1/2, so it is left.
    const lots = [
      { benefit: 1, capacity: 10 },
      { benefit: 5, capacity: 1 },
    ];
    expect(harvestValue(lots, 2, 1)).toBeCloseTo(2, 12);
    // Buying t = 1 − 0.5/2 = 0.75: −0.375 − ½·2·(0.25² − 1) = 0.5625.
    expect(keepValue(0.5, 2, 1)).toBeCloseTo(0.5625, 12);
    // Overweight (D < 0): nothing to buy.
    expect(keepValue(0.5, 2, -1)).toBeCloseTo(0, 12);
  });

  it('skips a lot with nothing to sell and goes on to the next', () => {
    const lots = [
      { benefit: 9, capacity: 0 },
      { benefit: 3, capacity: 1 },
    ];
    expect(harvestValue(lots, 1, 0)).toBeCloseTo(3 - 0.5, 12);
  });

  it('are the maxima: no sale of the lots and no buy is worth more', () => {
    const lot = fc.record({
      benefit: fc.double({ min: 0, max: 1, noNaN: true }),
      capacity: fc.double({ min: 0, max: 1, noNaN: true }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(lot, { maxLength: 5 }),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.01, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (lots, c, deficit, spread, t) => {
          let sold = 0;
          let value = 0;
          for (const l of lots) {
            const s = l.share * l.capacity;
            value += l.benefit * s;
            sold += s;
          }
          value -= 0.5 * c * ((deficit + sold) ** 2 - deficit ** 2);
          expect(value).toBeLessThanOrEqual(harvestValue(lots, c, deficit) + 1e-12);
          const bought = -spread * t - 0.5 * c * ((deficit - t) ** 2 - deficit ** 2);
          expect(bought).toBeLessThanOrEqual(keepValue(spread, c, deficit) + 1e-12);
          expect(harvestValue(lots, c, deficit)).toBeGreaterThanOrEqual(0);
          expect(keepValue(spread, c, deficit)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('harvestOrKeep', () => {
  it('starts the underweight AGG harvested when its loss is worth the risk', () => {
    const s = sets();
    expect([...s.underweight]).toEqual(['AGG']);
    expect(s.kept.size).toBe(0);
    // VTI (a short-term loss lot) is overweight: harvested, never looked at again.
    expect([...s.overweight]).toEqual(['VTI']);
  });

  it('keeps AGG from the start when the risk of going without it outweighs the loss', () => {
    const s = sets({ settings: averse }, poorStandIn);
    expect([...s.kept]).toEqual(['AGG']);
    expect(s.underweight.size).toBe(0);
  });

  it('sums both sides over every account that holds the security or may buy it', () => {
    // An IRA on the same model holds AGG too: AGG's places are the taxable account (the loss
    // lot) and the IRA, each weighed by its own risk term.
    const withIra = (r: RebalanceRequest): RebalanceRequest => {
      const edited = poorStandIn(r);
      const taxable = edited.accounts[0]!;
      return {
        ...edited,
        accounts: [
          taxable,
          {
            ...taxable,
            id: 'IRA',
            taxStatus: 'deferred',
            cash: 500,
            lots: [
              { id: 'I1', security: 'AGG', quantity: 50, costBasis: 4000, acquired: '2022-01-03' },
              { id: 'I2', security: 'VTI', quantity: 40, costBasis: 9000, acquired: '2022-01-03' },
            ],
            settings: { risk: { riskAversion: 5000 } },
          },
        ],
      };
    };
    const s = sets({ settings: averse }, withIra);
    expect([...s.kept]).toEqual(['AGG']);
    expect(s.candidates.get('AGG')?.places.map((p) => p.block.account)).toEqual([0, 1]);
  });

  it('does not estimate where a gain budget, a turnover limit or a withdrawal ties the set in', () => {
    const tied: Partial<RebalanceAccount>[] = [
      {
        settings: {
          ...averse,
          tax: { ...averse.tax, gainBudget: { shortTerm: 0, longTerm: 1000 } },
        },
      },
      { settings: { ...averse, trading: { maxTurnover: 0.5 } } },
      { settings: { ...averse, cash: { withdrawal: 5000 } } },
    ];
    for (const account of tied) {
      const s = sets(account, poorStandIn);
      expect(s.kept.size).toBe(0);
      expect([...s.underweight]).toEqual(['AGG']);
    }
    // Nor for a wash set of two funds: buying BND would also be a buy of the set.
    const oneIndex = (r: RebalanceRequest): RebalanceRequest => ({
      ...poorStandIn(r),
      securities: r.securities.map((sec) =>
        sec.id === 'AGG' || sec.id === 'BND' ? { ...sec, washGroup: 'bonds' } : sec,
      ),
    });
    const grouped = sets({ settings: averse }, oneIndex);
    expect(grouped.kept.size).toBe(0);
    expect([...grouped.underweight]).toEqual(['bonds']);
  });
});
