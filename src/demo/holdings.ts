/**
 * What each account holds today, as positions for `buildLots`: a model account holds its model
 * with some drift (a third of accounts drifted noticeably, some positions never bought), a
 * direct-index account 100–300 of the index's stocks, a legacy account a few funds and stocks of
 * its own, a held-away 401(k) two to four funds. A quarter of taxable ETF accounts also carry a
 * legacy stock bought in the first months of the data at a large gain (the low-basis position
 * clients ask never to sell).
 */
import type { FirmModel } from '../store/index.js';
import type { AccountPlan } from './households.js';
import { closeAt, type DemoMarket, type DemoStock } from './market-data.js';
import type { PositionPlan } from './lots.js';
import { DEMO_MODELS, flattenModel, oneClassPerCompany } from './models.js';
import type { DemoRandom } from './random.js';
import { stockTags } from './securities.js';

/** Funds legacy and held-away accounts hold (not the models' own choices). */
const LEGACY_FUNDS = ['SPY', 'QQQ', 'IWM', 'EFA', 'AGG', 'LQD', 'TLT', 'GLD', 'DIA', 'VIG'];
const HELD_AWAY_FUNDS = ['VOO', 'IVV', 'AGG', 'VEA', 'SCHD', 'IJH'];

/** The account's positions and, when it has one, its low-basis legacy stock. */
export interface Holdings {
  positions: PositionPlan[];
  legacyStock?: string;
  /** Share of value kept as cash. */
  cashShare: number;
}

/** Shared inputs: market, models, and the stocks fit to be a low-basis legacy position. */
export interface HoldingsContext {
  market: DemoMarket;
  models: ReadonlyMap<string, FirmModel>;
  rng: DemoRandom;
  /** Stocks at least doubled over the data and untouched by sector or tag screens. */
  winners: DemoStock[];
  /** The direct index's stocks. */
  indexStocks: string[];
}

/** Builds the context (winners: untagged, non-energy stocks whose close at least doubled). */
export function holdingsContext(
  market: DemoMarket,
  models: ReadonlyMap<string, FirmModel>,
  rng: DemoRandom,
): HoldingsContext {
  const last = market.dates.length - 1;
  const winners = oneClassPerCompany(market.stocks).filter((s) => {
    const first = Number(closeAt(market, s.id, 0));
    const now = Number(closeAt(market, s.id, last));
    return s.sector !== 'Energy' && stockTags(s).length === 0 && first > 0 && now / first >= 2;
  });
  const indexStocks = [...flattenModel(DEMO_MODELS.direct, models).keys()];
  return { market, models, rng, winners, indexStocks };
}

function modelPositions(ctx: HoldingsContext, modelId: string, invested: number): PositionPlan[] {
  const drifted = ctx.rng.chance(0.35);
  const out: PositionPlan[] = [];
  for (const [security, weight] of flattenModel(modelId, ctx.models)) {
    if (drifted && ctx.rng.chance(0.06)) continue;
    const factor = drifted ? ctx.rng.between(0.7, 1.35) : ctx.rng.between(0.97, 1.03);
    out.push({ security, value: invested * weight * factor });
  }
  return out;
}

function directPositions(ctx: HoldingsContext, modelId: string, invested: number): PositionPlan[] {
  const flat = flattenModel(modelId, ctx.models);
  const stockShare = ctx.indexStocks.reduce((t, s) => t + (flat.get(s) ?? 0), 0);
  const held = ctx.rng.sample(ctx.indexStocks, ctx.rng.int(100, 300));
  const last = ctx.market.dates.length - 1;
  // At least one share of each: an index slice can be worth less than one share of a dear stock.
  const out: PositionPlan[] = held.map((security) => ({
    security,
    value: Math.max(
      ((invested * stockShare) / held.length) * ctx.rng.between(0.75, 1.25),
      1.01 * Number(closeAt(ctx.market, security, last)),
    ),
  }));
  for (const [security, weight] of flat)
    if (!ctx.indexStocks.includes(security))
      out.push({ security, value: invested * weight * ctx.rng.between(0.9, 1.1) });
  return out;
}

function ownPositions(ctx: HoldingsContext, funds: readonly string[], invested: number) {
  const picks = ctx.rng.sample(funds, ctx.rng.int(2, 4));
  if (funds === LEGACY_FUNDS) picks.push(...ctx.rng.sample(ctx.indexStocks, ctx.rng.int(1, 4)));
  const weights = picks.map(() => ctx.rng.between(0.5, 1.5));
  const total = weights.reduce((t, w) => t + w, 0);
  return picks.map((security, i) => ({ security, value: (invested * weights[i]!) / total }));
}

/** Positions (and cash share) for one planned account. */
export function holdingsFor(ctx: HoldingsContext, plan: AccountPlan): Holdings {
  const cashShare = ctx.rng.between(0.003, 0.03);
  const invested = plan.value * (1 - cashShare);
  const model = plan.account.modelId;
  if (plan.kind === 'heldAway')
    return { positions: ownPositions(ctx, HELD_AWAY_FUNDS, invested), cashShare };
  if (plan.kind === 'legacy' || model === null)
    return { positions: ownPositions(ctx, LEGACY_FUNDS, invested), cashShare };
  if (plan.kind === 'direct')
    return { positions: directPositions(ctx, model, invested), cashShare };
  const legacy =
    plan.account.taxStatus === 'taxable' && ctx.winners.length > 0 && ctx.rng.chance(0.25)
      ? ctx.rng.pick(ctx.winners)
      : undefined;
  if (!legacy) return { positions: modelPositions(ctx, model, invested), cashShare };
  const legacyShare = ctx.rng.between(0.04, 0.12);
  return {
    positions: [
      ...modelPositions(ctx, model, invested * (1 - legacyShare)),
      { security: legacy.id, value: invested * legacyShare, from: 0, to: 120 },
    ],
    legacyStock: legacy.id,
    cashShare,
  };
}
