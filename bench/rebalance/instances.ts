/**
 * Deterministic rebalance requests for the end-to-end benchmark:
 *
 *  - `directIndex(500)`: one taxable account tracking a 500-stock cap-weighted model, 4 lots per
 *    position bought over five years (gains and losses, some short-term), an explicit 20-factor
 *    risk model (market, 11 sectors, 8 styles), loss harvesting on and an Energy screen;
 *  - `etfAccount(20)`: one taxable account holding 20 ETFs against a 12-ETF model (the other 8
 *    are alternates: two substantially identical, six harvest replacements), 2–3 lots per
 *    position, an explicit 8-factor model (asset classes), harvesting on.
 *
 * Same seed, same request: every run of the benchmark times the same documents.
 */
import type {
  HeldLot,
  RebalanceRequest,
  RiskModel,
  Security,
  SecurityTarget,
} from '../../src/domain/index.js';
import { rng } from '../solver/rebalance-instance.js';

const AS_OF = '2026-11-24';
const SECTORS = [
  'Information Technology',
  'Health Care',
  'Financials',
  'Consumer Discretionary',
  'Communication Services',
  'Industrials',
  'Consumer Staples',
  'Energy',
  'Utilities',
  'Real Estate',
  'Materials',
];
const STYLES = ['size', 'value', 'momentum', 'quality', 'lowVol', 'growth', 'yield', 'leverage'];

/** A standard normal draw. */
function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** Rounds to cents. */
const cents = (x: number): number => Math.round(x * 100) / 100;

/** An ISO date `days` before asOf. */
function daysBefore(days: number): string {
  const t = Date.parse(`${AS_OF}T00:00:00Z`) - Math.round(days) * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** diag(vol)·R·diag(vol) with R a random correlation matrix (k + 5 random directions). */
function covariance(vols: readonly number[], rand: () => number): number[][] {
  const k = vols.length;
  const g = k + 5;
  const G = Array.from({ length: k }, () => Array.from({ length: g }, () => gaussian(rand)));
  const dot = (a: number[], b: number[]) => a.reduce((s, v, t) => s + v * b[t]!, 0);
  return G.map((ga, a) =>
    G.map((gb, b) => (vols[a]! * vols[b]! * dot(ga, gb)) / Math.sqrt(dot(ga, ga) * dot(gb, gb))),
  );
}

/**
 * Lots of a position worth about `valueUsd`: `count` lots bought over five years (a tenth of them
 * within the last year), with basis from the price path (gains and losses both occur).
 */
function lotsOf(
  id: string,
  price: number,
  valueUsd: number,
  count: number,
  rand: () => number,
): HeldLot[] {
  const shares = Math.max(count, Math.round(valueUsd / price));
  return Array.from({ length: count }, (_, j) => {
    const quantity = Math.max(1, Math.round(shares / count));
    const held = rand() < 0.1 ? 20 + 330 * rand() : 370 + 1450 * rand();
    // Price then: down ~9%/yr on average with 30% dispersion (mostly gains now, some losses).
    const then = price * Math.exp(-0.09 * (held / 365) + 0.3 * gaussian(rand));
    return {
      id: `${id}-${j + 1}`,
      security: id,
      quantity,
      costBasis: cents(quantity * then),
      acquired: daysBefore(held),
    };
  });
}

/** A request around one taxable account (rates 40.8% / 23.8%). */
function oneAccount(
  securities: Security[],
  targets: SecurityTarget[],
  riskModel: RiskModel,
  lots: HeldLot[],
  cash: number,
  settings: NonNullable<RebalanceRequest['accounts'][number]['settings']>,
): RebalanceRequest {
  return {
    asOf: AS_OF,
    securities,
    models: [{ id: 'model', targets }],
    riskModel,
    household: { id: 'H', shortTermRate: 0.408, longTermRate: 0.238 },
    accounts: [
      {
        id: 'A',
        taxStatus: 'taxable',
        model: 'model',
        cash,
        lots,
        recentTrades: [],
        settings,
      },
    ],
  };
}

/** A direct-index account of `n` stocks (see the module comment), about $2M. */
export function directIndex(n: number, seed = 1): RebalanceRequest {
  const rand = rng(seed * 104_729 + n);
  const ids = Array.from({ length: n }, (_, i) => `S${String(i).padStart(3, '0')}`);
  const securities: Security[] = ids.map((id, i) => ({
    id,
    price: cents(20 * Math.exp(1.6 * rand()) * (1 + rand())),
    sector: SECTORS[i % SECTORS.length]!,
  }));
  const caps = ids.map(() => Math.exp(1.3 * gaussian(rand)));
  const capSum = caps.reduce((a, b) => a + b, 0);
  const weights = caps.map((c) => (0.99 * c) / capSum);
  const factors = ['market', ...SECTORS.map((s) => `sector:${s}`), ...STYLES];
  const vols = [
    0.16,
    ...SECTORS.map(() => 0.05 + 0.04 * rand()),
    ...STYLES.map(() => 0.02 + 0.03 * rand()),
  ];
  const riskModel: RiskModel = {
    factors,
    exposures: Object.fromEntries(
      ids.map((id, i) => [
        id,
        factors.map((_, j) => {
          if (j === 0) return 1 + 0.2 * gaussian(rand);
          if (j <= SECTORS.length) return (i % SECTORS.length) + 1 === j ? 1 : 0;
          return 0.5 * gaussian(rand);
        }),
      ]),
    ),
    factorCovariance: covariance(vols, rand),
    specificVariance: Object.fromEntries(ids.map((id) => [id, (0.18 + 0.2 * rand()) ** 2])),
  };
  const value = 2_000_000;
  const lots = ids.flatMap((id, i) =>
    lotsOf(
      id,
      securities[i]!.price,
      value * weights[i]! * Math.exp(0.25 * gaussian(rand)),
      4,
      rand,
    ),
  );
  return oneAccount(
    securities,
    ids.map((security, i) => ({ security, weight: weights[i]! })),
    riskModel,
    lots,
    cents(0.012 * value),
    {
      restrictions: [{ sector: 'Energy', rule: 'noHold' }],
      cash: { target: 0.01, min: 0.005 },
      tax: { harvestLosses: true, minHarvest: 250 },
    },
  );
}

/** An account of `n` ETFs against a 12-ETF model (see the module comment), about $400k. */
export function etfAccount(n: number, seed = 1): RebalanceRequest {
  const rand = rng(seed * 7_919 + n);
  const ids = Array.from({ length: n }, (_, i) => `ETF${String(i).padStart(2, '0')}`);
  const classes = ['usLarge', 'usSmall', 'intlDev', 'emerging', 'bonds', 'tips', 'reits', 'gold'];
  // ETFs 12… are alternates of ETFs 0…7 in the same asset class: the first two track the same
  // index (one wash group, substantially identical), the others a different index (replacements).
  const cls = (i: number): number => (i < 12 ? i : i - 12) % classes.length;
  const securities: Security[] = ids.map((id, i) => ({
    id,
    price: cents(40 + 360 * rand()),
    assetClass: classes[cls(i)]!,
    ...(cls(i) < 2 && (i < 8 || i >= 12) ? { washGroup: `index${cls(i)}` } : {}),
  }));
  const vols = [0.16, 0.2, 0.17, 0.22, 0.05, 0.06, 0.2, 0.15];
  const riskModel: RiskModel = {
    factors: classes,
    exposures: Object.fromEntries(
      ids.map((id, i) => [id, classes.map((_, j) => (cls(i) === j ? 1 : 0.05 * gaussian(rand)))]),
    ),
    factorCovariance: covariance(vols, rand),
    specificVariance: Object.fromEntries(ids.map((id) => [id, (0.01 + 0.03 * rand()) ** 2])),
  };
  const modelIds = ids.slice(0, 12);
  const raw = modelIds.map(() => 0.5 + rand());
  const rawSum = raw.reduce((a, b) => a + b, 0);
  const targets = modelIds.map((security, i) => ({ security, weight: (0.98 * raw[i]!) / rawSum }));
  const value = 400_000;
  const lots = ids.flatMap((id, i) => {
    const w = i < 12 ? targets[i]!.weight : 0.01;
    return lotsOf(
      id,
      securities[i]!.price,
      value * w * Math.exp(0.3 * gaussian(rand)),
      2 + (i % 2),
      rand,
    );
  });
  return oneAccount(securities, targets, riskModel, lots, cents(0.03 * value), {
    cash: { target: 0.02, min: 0.01 },
    tax: { harvestLosses: true, minHarvest: 100 },
  });
}
