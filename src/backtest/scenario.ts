/**
 * The stories a backtest tells, as accounts, models and securities drawn from the history:
 *
 * - `direct-index`: one taxable account holding the S&P 500 stocks themselves, cap-weighted.
 * - `etf-model`: one taxable account in a five-fund balanced model, with funds of other index
 *   families as harvest replacements.
 * - `household-ira`: the direct-indexed taxable account beside an IRA (tax-deferred) half its
 *   size holding 60% the same stocks and 40% bonds; wash-sale rules span both accounts.
 *
 * The direct index is a constant-share index: from cap weights on the history's last date,
 * scaled back by each stock's total return, it drifts with prices and needs no trades to
 * track. Its members are the stocks priced on every day of the window and on the year of
 * history before it (the first risk model needs it): survivorship bias, stated in the output.
 */
import type { Model, Security } from '../domain/index.js';
import type { PriceHistory } from './history.js';
import type { BacktestConfig } from './result.js';

/** One account of the story. */
export interface ScenarioAccount {
  id: string;
  taxStatus: 'taxable' | 'deferred';
  model: string;
  /** Share of the configured initial value this account starts with. */
  initialFraction: number;
}

/** A story: its accounts, model builders and the securities they may trade. */
export interface Scenario {
  accounts: ScenarioAccount[];
  /** History indices of every security the story may hold (benchmarks and alternates). */
  tradable: number[];
  /** History indices of the benchmark members, for the output's `universe`. */
  universe: number[];
  /** The models on day `t`: targets from the day's prices. */
  models(t: number): Model[];
  /** Static security facts (price is filled per day). */
  securities: Omit<Security, 'price'>[];
  /** Securities of the same substitute group: the risk model gives them a common factor. */
  groups: Map<string, string>;
}

/** The five-fund balanced model, and the funds that may replace each in a harvest. */
const BALANCED = [
  { id: 'VTI', weight: 0.4 },
  { id: 'EFA', weight: 0.2 },
  { id: 'EEM', weight: 0.05 },
  { id: 'AGG', weight: 0.3 },
  { id: 'IYR', weight: 0.05 },
];
const ALTERNATES = ['ITOT', 'IVV', 'VEA', 'VWO', 'BND', 'VNQ', 'USRT'];

/**
 * The IRA of `household-ira`: 60% the same direct index, 40% core bonds. Holding the taxable
 * account's stocks is what makes the household's wash-sale rules bite: the IRA must not buy a
 * stock the taxable account just sold at a loss (the loss would be lost for good).
 */
const IRA_DIRECT_WEIGHT = 0.6;
const IRA_BONDS = [{ id: 'AGG', weight: 0.4 }];

function index(history: PriceHistory): Map<string, number> {
  return new Map(history.securities.map((s, j) => [s.id, j]));
}

/** Stocks priced from a year before `startIndex` through `endIndex`. */
export function directIndexMembers(
  history: PriceHistory,
  startIndex: number,
  endIndex: number,
): number[] {
  const members: number[] = [];
  history.securities.forEach((s, j) => {
    if (s.kind !== 'stock' || s.capUsd === undefined) return;
    if (s.first <= Math.max(0, startIndex - 252) && s.last >= endIndex) members.push(j);
  });
  return members;
}

/** Constant shares per member: cap on the last history date over the last price. */
function constantShares(history: PriceHistory, members: number[]): Map<number, number> {
  const n = history.securities.length;
  const shares = new Map<number, number>();
  for (const j of members) {
    const s = history.securities[j]!;
    const lastPrice = history.prices[s.last * n + j]!;
    shares.set(j, s.capUsd! / lastPrice);
  }
  return shares;
}

function capWeighted(
  history: PriceHistory,
  shares: Map<number, number>,
  t: number,
): Map<number, number> {
  const n = history.securities.length;
  let total = 0;
  const caps = new Map<number, number>();
  for (const [j, units] of shares) {
    const cap = units * history.prices[t * n + j]!;
    caps.set(j, cap);
    total += cap;
  }
  for (const [j, cap] of caps) caps.set(j, cap / total);
  return caps;
}

function needIds(lookup: Map<string, number>, ids: string[]): number[] {
  return ids.map((id) => {
    const j = lookup.get(id);
    if (j === undefined) throw new Error(`the shipped history lacks ${id}`);
    return j;
  });
}

/** Builds the story of `config.scenario` over the window [startIndex, endIndex]. */
export function buildScenario(
  history: PriceHistory,
  config: Pick<BacktestConfig, 'scenario'>,
  startIndex: number,
  endIndex: number,
): Scenario {
  const lookup = index(history);
  const ids = (js: number[]) => js.map((j) => history.securities[j]!.id);
  const fixed = (id: string, targets: { id: string; weight: number }[]): Model => ({
    id,
    targets: targets.map((x) => ({ security: x.id, weight: x.weight })),
  });
  const stocks =
    config.scenario === 'etf-model' ? [] : directIndexMembers(history, startIndex, endIndex);
  const shares = constantShares(history, stocks);
  const modelFunds =
    config.scenario === 'direct-index'
      ? []
      : needIds(
          lookup,
          (config.scenario === 'etf-model' ? BALANCED : IRA_BONDS).map((x) => x.id),
        );
  const late = modelFunds.filter((j) => history.securities[j]!.first > startIndex);
  if (late.length > 0) {
    throw new Error(
      `${ids(late).join(', ')} start trading after the window's start; choose a later --start`,
    );
  }
  // Replacement funds join when they have a year of prices by the start (the risk model needs
  // it); younger ones stay out of the story.
  const candidates = config.scenario === 'etf-model' ? needIds(lookup, ALTERNATES) : [];
  const alternates = candidates.filter((j) => history.securities[j]!.first <= startIndex - 252);
  const funds = [...new Set([...modelFunds, ...alternates])];
  const direct = (t: number): Model => ({
    id: 'sp500-direct',
    targets: [...capWeighted(history, shares, t)].map(([j, w]) => ({
      security: history.securities[j]!.id,
      weight: w,
    })),
  });
  const accounts: ScenarioAccount[] =
    config.scenario === 'etf-model'
      ? [{ id: 'taxable', taxStatus: 'taxable', model: 'balanced', initialFraction: 1 }]
      : [{ id: 'taxable', taxStatus: 'taxable', model: 'sp500-direct', initialFraction: 1 }];
  if (config.scenario === 'household-ira') {
    accounts.push({ id: 'ira', taxStatus: 'deferred', model: 'ira', initialFraction: 0.5 });
  }
  const models = (t: number): Model[] => {
    if (config.scenario === 'etf-model') return [fixed('balanced', BALANCED)];
    if (config.scenario === 'direct-index') return [direct(t)];
    const index = direct(t);
    const ira: Model = {
      id: 'ira',
      targets: [
        ...index.targets.map((x) => ({ ...x, weight: IRA_DIRECT_WEIGHT * x.weight })),
        ...fixed('ira', IRA_BONDS).targets,
      ],
    };
    return [index, ira];
  };
  const tradable = [...stocks, ...funds];
  const securities = tradable.map((j) => {
    const s = history.securities[j]!;
    return {
      id: s.id,
      assetClass: s.assetClass,
      ...(s.sector ? { sector: s.sector } : {}),
    };
  });
  const groups = new Map<string, string>();
  for (const j of funds) {
    const group = history.securities[j]!.substituteGroup;
    if (group) groups.set(history.securities[j]!.id, group);
  }
  const universe =
    config.scenario === 'etf-model'
      ? needIds(
          lookup,
          BALANCED.map((x) => x.id),
        )
      : stocks;
  return { accounts, tradable, universe, models, securities, groups };
}
