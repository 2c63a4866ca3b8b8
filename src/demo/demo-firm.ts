/**
 * `buildDemoFirm`: a wealth-management firm made from the shipped data, deterministic by seed —
 * securities, the last PRICE_WINDOW closes of each, models, households, accounts, lots bought on
 * real dates at real closes, recent buys and cash flows as transactions, and customizations.
 */
import type { FirmData, FirmModel, FirmPrice, FirmTransaction } from '../store/index.js';
import { customizeAccounts, type CustomizableAccount } from './customizations.js';
import { holdingsContext, holdingsFor } from './holdings.js';
import { planHouseholds } from './households.js';
import { buildLots, lotContext, type LotContext } from './lots.js';
import { closeAt, loadDemoMarket, type DemoMarket } from './market-data.js';
import { demoModels } from './models.js';
import { DemoRandom } from './random.js';
import { demoSecurities } from './securities.js';

/** Trading days of closes written per security (about three months). */
export const PRICE_WINDOW = 60;

/** Options of `buildDemoFirm`. */
export interface DemoOptions {
  /** Number of accounts (default 200). */
  accounts?: number;
  /** Seed of every random draw (default 1). */
  seed?: number;
  /** Called after each account is built (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/** The firm and its run date. */
export interface DemoFirm {
  data: FirmData;
  asOf: string;
}

const cents = (x: number): string => x.toFixed(2);

function recentPrices(market: DemoMarket, ids: readonly string[]): FirmPrice[] {
  const last = market.dates.length - 1;
  const out: FirmPrice[] = [];
  for (const securityId of ids)
    for (let i = Math.max(0, last - PRICE_WINDOW + 1); i <= last; i++) {
      const close = closeAt(market, securityId, i);
      if (close !== undefined) out.push({ securityId, date: market.dates[i]!, close });
    }
  return out;
}

/** Deposits and withdrawals: a fresh deposit (new cash to invest), or older flows. */
function cashFlows(ctx: LotContext, accountId: string, value: number): FirmTransaction[] {
  const { rng, market, last } = ctx;
  const flows: FirmTransaction[] = [];
  const at = (daysBack: number): string => market.dates[Math.max(0, last - daysBack)]!;
  if (rng.chance(0.12)) {
    const amount = Math.max(1000, Math.round((value * rng.between(0.05, 0.25)) / 1000) * 1000);
    flows.push({ accountId, date: at(rng.int(1, 14)), type: 'deposit', amount: cents(amount) });
  }
  if (rng.chance(0.1)) {
    const amount = Math.round((value * rng.between(0.02, 0.1)) / 100) * 100;
    flows.push({ accountId, date: at(rng.int(30, 200)), type: 'deposit', amount: cents(amount) });
  }
  if (rng.chance(0.08)) {
    const amount = Math.round((value * rng.between(0.01, 0.05)) / 100) * 100;
    flows.push({
      accountId,
      date: at(rng.int(30, 200)),
      type: 'withdrawal',
      amount: cents(-amount),
    });
  }
  return flows;
}

/** Builds the demo firm: the same options give the same firm. */
export function buildDemoFirm(options: DemoOptions = {}): DemoFirm {
  const accountCount = options.accounts ?? 200;
  if (!Number.isInteger(accountCount) || accountCount < 1)
    throw new RangeError(`accounts must be a whole number ≥ 1; got ${accountCount}`);
  const market = loadDemoMarket();
  const rng = new DemoRandom(options.seed ?? 1);
  const securities = demoSecurities(market);
  const models: FirmModel[] = demoModels(market);
  const modelMap = new Map(models.map((m) => [m.id, m]));
  const { households, plans } = planHouseholds(rng, accountCount);
  const hctx = holdingsContext(market, modelMap, rng);
  const lctx = lotContext(market, rng);
  const data: Required<FirmData> = {
    securities,
    prices: recentPrices(
      market,
      securities.map((s) => s.id),
    ),
    models,
    households,
    accounts: [],
    lots: [],
    transactions: [],
    settings: [],
  };
  const customizable: CustomizableAccount[] = [];
  plans.forEach((plan, i) => {
    const holdings = holdingsFor(hctx, plan);
    if (plan.kind !== 'heldAway' && rng.chance(0.15))
      for (const p of rng.sample(holdings.positions, rng.int(1, 2)))
        if (p.security !== holdings.legacyStock) p.recent = true;
    const id = plan.account.id;
    const { lots, buys } = buildLots(lctx, id, holdings.positions);
    const invested = lots.reduce(
      (t, l) => t + Number(l.quantity) * Number(closeAt(market, l.securityId, lctx.last)),
      0,
    );
    const flows = cashFlows(lctx, id, plan.value);
    const fresh = flows.find(
      (f) => f.type === 'deposit' && f.date >= market.dates[lctx.last - 14]!,
    );
    const cash =
      (invested * holdings.cashShare) / (1 - holdings.cashShare) + Number(fresh?.amount ?? 0);
    data.accounts.push({ ...plan.account, cash: cents(cash) });
    data.lots.push(...lots);
    data.transactions.push(...buys, ...flows);
    customizable.push({
      plan: { ...plan, value: invested + cash },
      legacyStock: holdings.legacyStock,
    });
    options.onProgress?.(i + 1, plans.length);
  });
  data.settings = customizeAccounts(rng, customizable, modelMap);
  return { data, asOf: market.dates[lctx.last]! };
}
