/**
 * A small hand-made household and a valid proposal for it, for the checker's unit tests. Every
 * figure is worked out by hand in the comments. Tests clone it and break one rule at a time.
 *
 * A1 (taxable, model M1 = AAA 50% + CCC 30%, cash 20%): V = 1000 cash + 10 AAA × 100 + 20 BBB × 50
 * + 50 CCC × 20 = 4000; W = 200, so V − W = 3800. Energy (BBB) is noHold: sell all 20 BBB (loss
 * −200, short-term) and buy 9 AAA (900). after.cash = 1000 + 1000 − 900 − 200 = 900 ≥ 1% × 3800.
 * A2 (deferred, model null): holds 100 DDD bought 2026-11-01 (in CCC's wash group `g`): a taxable
 * loss sale of CCC is therefore blocked. A3 (taxable, held away): sold EEE at a loss on 2026-11-10,
 * so nobody may buy FFF (wash group `h`); its withdrawal setting is ignored.
 */
import type {
  AccountProposal,
  AccountSettings,
  RebalanceAccount,
  RebalanceRequest,
  RebalanceResponse,
} from '../../domain/index.js';
import { checkContext, type Check } from './check-context.js';

const factor = 0.04;
const specific = 0.01;
/** One-factor tracking error: √(F (Σ a·x)² + s Σ a²). */
function te(active: [number, number][]): number {
  const common = active.reduce((acc, [a, x]) => acc + a * x, 0);
  const own = active.reduce((acc, [a]) => acc + a * a, 0);
  return Math.sqrt(factor * common ** 2 + specific * own);
}

/** The request (a fresh copy each call). */
export function fixtureRequest(): RebalanceRequest {
  return {
    asOf: '2026-11-24',
    securities: [
      { id: 'AAA', price: 100, sector: 'Tech' },
      { id: 'BBB', price: 50, sector: 'Energy' },
      { id: 'CCC', price: 20, washGroup: 'g' },
      { id: 'DDD', price: 10, washGroup: 'g' },
      { id: 'EEE', price: 40, washGroup: 'h' },
      { id: 'FFF', price: 30, washGroup: 'h', tags: ['tobacco'] },
    ],
    models: [
      {
        id: 'M1',
        targets: [
          { security: 'AAA', weight: 0.5 },
          { security: 'CCC', weight: 0.3 },
        ],
      },
    ],
    riskModel: {
      factors: ['mkt'],
      exposures: { AAA: [1], BBB: [0.8], CCC: [1.2], DDD: [1.2], EEE: [0.5], FFF: [0.5] },
      factorCovariance: [[factor]],
      specificVariance: {
        AAA: specific,
        BBB: specific,
        CCC: specific,
        DDD: specific,
        EEE: specific,
        FFF: specific,
      },
    },
    household: { id: 'H', shortTermRate: 0.4, longTermRate: 0.2 },
    accounts: [
      {
        id: 'A1',
        taxStatus: 'taxable',
        model: 'M1',
        cash: 1000,
        lots: [
          { id: 'L1', security: 'AAA', quantity: 10, costBasis: 800, acquired: '2020-01-01' },
          { id: 'L2', security: 'BBB', quantity: 20, costBasis: 1200, acquired: '2026-06-01' },
          { id: 'L3', security: 'CCC', quantity: 50, costBasis: 1500, acquired: '2025-02-01' },
        ],
        recentTrades: [],
        settings: {
          restrictions: [{ sector: 'Energy', rule: 'noHold' }],
          cash: { min: 0.01, withdrawal: 200 },
        },
      },
      {
        id: 'A2',
        taxStatus: 'deferred',
        model: null,
        cash: 500,
        lots: [
          { id: 'M1', security: 'DDD', quantity: 100, costBasis: 1200, acquired: '2026-11-01' },
        ],
        recentTrades: [
          { date: '2026-11-01', security: 'DDD', side: 'buy', quantity: 100, price: 12 },
        ],
      },
      {
        id: 'A3',
        taxStatus: 'taxable',
        tradable: false,
        model: 'M1',
        cash: 100,
        lots: [{ id: 'L1', security: 'FFF', quantity: 10, costBasis: 200, acquired: '2019-05-05' }],
        recentTrades: [
          {
            date: '2026-11-10',
            security: 'EEE',
            side: 'sell',
            quantity: 5,
            price: 40,
            realizedGain: -50,
          },
        ],
        settings: { cash: { withdrawal: 50 } },
      },
    ],
  };
}

const cccAfter = 1000 / 3800;

/** The valid response (a fresh copy each call). */
export function fixtureResponse(): RebalanceResponse {
  const zero = { shortTerm: 0, longTerm: 0, washSaleDisallowed: 0 };
  // A3 (held away): FFF 300 / 400 = 0.75 against AAA 0.5, CCC 0.3.
  const a3 = {
    value: 400,
    cash: 100,
    trackingError: te([
      [-0.5, 1],
      [-0.3, 1.2],
      [0.75, 0.5],
    ]),
    maxDrift: 0.75,
  };
  // A2: its own weights are its benchmark.
  const a2 = { value: 1500, cash: 500, trackingError: 0, maxDrift: 0 };
  return {
    asOf: '2026-11-24',
    accounts: [
      {
        id: 'A1',
        status: 'ok',
        trades: [
          {
            security: 'BBB',
            side: 'sell',
            quantity: 20,
            price: 50,
            value: 1000,
            lots: [{ lot: 'L2', quantity: 20, costBasis: 1200, gain: -200, term: 'short' }],
            reasons: ['restriction'],
          },
          { security: 'AAA', side: 'buy', quantity: 9, price: 100, value: 900, reasons: ['model'] },
        ],
        summary: {
          // Before: AAA, BBB, CCC 25% each; drift |0.25 − 0.5| (BBB is noHold: not counted).
          before: {
            value: 4000,
            cash: 1000,
            trackingError: te([
              [-0.25, 1],
              [0.25, 0.8],
              [-0.05, 1.2],
            ]),
            maxDrift: 0.25,
          },
          // After (over 3800): AAA 50%, CCC 1000 / 3800.
          after: {
            value: 3800,
            cash: 900,
            trackingError: te([[cccAfter - 0.3, 1.2]]),
            maxDrift: 0.3 - cccAfter,
          },
          realized: { shortTerm: -200, longTerm: 0, washSaleDisallowed: 0 },
          estimatedTax: -80,
          turnover: 1900 / 8000,
          relaxed: [],
          warnings: [],
        },
        error: null,
      },
      {
        id: 'A2',
        status: 'noTrade',
        trades: [],
        error: null,
        summary: {
          before: a2,
          after: { ...a2 },
          realized: zero,
          estimatedTax: 0,
          turnover: 0,
          relaxed: [],
          warnings: [],
        },
      },
      {
        id: 'A3',
        status: 'noTrade',
        trades: [],
        error: null,
        summary: {
          before: a3,
          after: { ...a3 },
          realized: { ...zero },
          estimatedTax: 0,
          turnover: 0,
          relaxed: [],
          warnings: ['held away: settings ignored'],
        },
      },
    ],
  };
}

/** A request and a response to break. */
export interface Scenario {
  request: RebalanceRequest;
  response: RebalanceResponse;
}

/** The fixture, fresh. */
export function scenario(): Scenario {
  return { request: fixtureRequest(), response: fixtureResponse() };
}

/** The proposal of account `id`. */
export function proposalOf(s: Scenario, id: string): AccountProposal {
  const found = s.response.accounts.find((a) => a.id === id);
  if (!found) throw new Error(`no proposal ${id}`);
  return found;
}

/** The request account `id`. */
export function accountOf(s: Scenario, id: string): RebalanceAccount {
  const found = s.request.accounts.find((a) => a.id === id);
  if (!found) throw new Error(`no account ${id}`);
  return found;
}

/** The settings of account `id`, created when absent. */
export function settingsOf(s: Scenario, id: string): AccountSettings {
  const account = accountOf(s, id);
  account.settings ??= {};
  return account.settings;
}

/** The rules `check` reports for the scenario (sorted, duplicates kept). */
export function rulesOf(check: Check, s: Scenario): string[] {
  return check(checkContext(s.request, s.response))
    .map((v) => `${v.account}:${v.rule}`)
    .sort();
}
