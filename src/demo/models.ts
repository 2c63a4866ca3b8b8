/**
 * The demo's models: five ETF models (growth, balanced, conservative, income, core bond), one
 * direct index over the S&P 500 stocks, and one model of models (70% direct index, 30% core
 * bond). Every model keeps a little cash: weights sum to less than 1.
 */
import type { ModelTarget } from '../domain/index.js';
import type { FirmModel } from '../store/index.js';
import type { DemoMarket, DemoStock } from './market-data.js';

/** Model ids, by role. */
export const DEMO_MODELS = {
  growth: 'growth',
  balanced: 'balanced',
  conservative: 'conservative',
  income: 'income',
  coreBond: 'core-bond',
  direct: 'sp500-direct',
  directPlusBond: 'direct-70-bond-30',
} as const;

/** The ETF models an ordinary account may follow. */
export const ETF_MODEL_IDS: readonly string[] = [
  DEMO_MODELS.growth,
  DEMO_MODELS.balanced,
  DEMO_MODELS.conservative,
  DEMO_MODELS.income,
];

const etf = (security: string, weight: number): ModelTarget => ({ security, weight });

const ETF_MODELS: readonly FirmModel[] = [
  {
    id: DEMO_MODELS.growth,
    name: 'Growth 85/15',
    targets: [etf('VTI', 0.55), etf('VXUS', 0.22), etf('VWO', 0.05), etf('BND', 0.1)],
  },
  {
    id: DEMO_MODELS.balanced,
    name: 'Balanced 60/40',
    targets: [
      etf('VTI', 0.38),
      etf('VXUS', 0.17),
      etf('VNQ', 0.03),
      etf('BND', 0.3),
      etf('BNDX', 0.1),
    ],
  },
  {
    id: DEMO_MODELS.conservative,
    name: 'Conservative 30/70',
    targets: [
      etf('VTI', 0.2),
      etf('VXUS', 0.1),
      etf('BND', 0.4),
      etf('VTIP', 0.12),
      etf('BNDX', 0.1),
      etf('SHV', 0.06),
    ],
  },
  {
    id: DEMO_MODELS.income,
    name: 'Income',
    targets: [
      etf('VYM', 0.25),
      etf('SCHD', 0.15),
      etf('VCIT', 0.25),
      etf('MUB', 0.2),
      etf('HYG', 0.08),
      etf('VNQ', 0.05),
    ],
  },
  {
    id: DEMO_MODELS.coreBond,
    name: 'Core bond',
    targets: [etf('BND', 0.6), etf('VGIT', 0.2), etf('VTIP', 0.19)],
  },
];

/** One share class per company (the first in file order): GOOG/GOOGL, FOX/FOXA, NWS/NWSA. */
export function oneClassPerCompany(stocks: readonly DemoStock[]): DemoStock[] {
  const seen = new Set<string>();
  return stocks.filter((s) => {
    const company = s.name.replace(/\s*\(Class [A-Z]\)\s*$/, '');
    if (seen.has(company)) return false;
    seen.add(company);
    return true;
  });
}

/**
 * Closes a stock needs in the shipped window to enter the direct index: two years (504 daily
 * returns), the history the default risk model requires to cover a stock (docs/risk-model.md);
 * younger listings (spin-offs such as CARR, OTIS, VTRS) would only be proxied.
 */
export const MIN_INDEX_CLOSES = 505;

/**
 * The direct index: every priced S&P 500 company with MIN_INDEX_CLOSES closes, equal weight
 * (the data's market caps are a 2026 snapshot, five years after the prices, and missing for
 * some large members, so they are no fair size proxy for 2021), 99.5% invested, weights
 * rounded down to 1e-6.
 */
export function directIndexModel(market: DemoMarket): FirmModel {
  const stocks = oneClassPerCompany(market.stocks).filter(
    (s) =>
      (market.closes.get(s.id) ?? []).filter((c) => c !== undefined).length >= MIN_INDEX_CLOSES,
  );
  const weight = Math.floor((0.995 / stocks.length) * 1e6) / 1e6;
  return {
    id: DEMO_MODELS.direct,
    name: 'S&P 500 direct index (equal weight)',
    targets: stocks.map((s) => ({ security: s.id, weight })),
  };
}

/** Every demo model: the ETF models, the direct index and the model of models. */
export function demoModels(market: DemoMarket): FirmModel[] {
  return [
    ...ETF_MODELS,
    directIndexModel(market),
    {
      id: DEMO_MODELS.directPlusBond,
      name: 'Direct index 70 / core bond 30',
      targets: [
        { model: DEMO_MODELS.direct, weight: 0.7 },
        { model: DEMO_MODELS.coreBond, weight: 0.3 },
      ],
    },
  ];
}

/** A model flattened to security weights (sub-models multiplied through). */
export function flattenModel(
  id: string,
  models: ReadonlyMap<string, FirmModel>,
): Map<string, number> {
  const out = new Map<string, number>();
  const visit = (modelId: string, scale: number): void => {
    for (const t of models.get(modelId)?.targets ?? []) {
      if ('security' in t) out.set(t.security, (out.get(t.security) ?? 0) + t.weight * scale);
      else visit(t.model, t.weight * scale);
    }
  };
  visit(id, 1);
  return out;
}
