/**
 * Random households over real S&P 500 tickers for the reference tests: 8–20 stocks (at times two
 * share classes of one company as a wash group), a cap-weighted model over most of them with a
 * little model cash, and two accounts — taxable and IRA — with random lots at gains and losses
 * (some in the wash window with their buy fill, some just short of long-term), recent loss sales,
 * random restrictions and settings. No risk model: the engine's default applies. Restrictions are
 * drawn so that none contradicts another (no noHold on a noSell security): these households
 * should all be answered, not rejected.
 */
import type {
  AccountSettings,
  HeldLot,
  RebalanceAccount,
  RebalanceRequest,
  RecentTrade,
  Restriction,
  Security,
} from '../../domain/index.js';
import { capWeightedModel, toSecurities, type RealStock } from './real-data.js';
import { seededDraw, shiftDate, type SeededDraw } from './seeded-draw.js';

const AS_OF = '2026-08-24';

function cents(x: number): number {
  return Math.round(x * 100) / 100;
}

/** An acquisition date: mostly years ago, sometimes in the wash window or near long-term. */
function acquired(d: SeededDraw): string {
  const mode = d.int(0, 9);
  if (mode === 0) return shiftDate(AS_OF, -d.int(1, 29));
  if (mode === 1) return shiftDate(AS_OF, -365 + d.int(0, 30));
  return shiftDate(AS_OF, -d.int(31, 2500));
}

function randomLots(d: SeededDraw, securities: readonly Security[], value: number): HeldLot[] {
  const held = d.sample(securities, d.int(0, Math.min(8, securities.length)));
  const lots: HeldLot[] = [];
  for (const s of held) {
    for (let j = d.int(1, 3); j > 0; j--) {
      const quantity = Math.max(1, Math.round((value * d.uniform(0.005, 0.06)) / s.price));
      const basis = cents(quantity * s.price * d.uniform(0.4, 1.7));
      lots.push({
        id: `L${lots.length + 1}`,
        security: s.id,
        quantity,
        costBasis: basis,
        acquired: acquired(d),
      });
    }
  }
  return lots;
}

function recentFills(
  d: SeededDraw,
  securities: readonly Security[],
  lots: HeldLot[],
): RecentTrade[] {
  const fills: RecentTrade[] = lots
    .filter((l) => l.acquired > shiftDate(AS_OF, -31))
    .map((l) => ({
      date: l.acquired,
      security: l.security,
      side: 'buy' as const,
      quantity: l.quantity,
      price: cents(l.costBasis / l.quantity),
    }));
  if (d.chance(30)) {
    const s = d.pick(securities);
    fills.push({
      date: shiftDate(AS_OF, -d.int(1, 29)),
      security: s.id,
      side: 'sell',
      quantity: d.int(1, 40),
      price: cents(s.price * 0.9),
      realizedGain: -d.int(50, 900),
    });
  }
  return fills;
}

function randomRestrictions(
  d: SeededDraw,
  securities: readonly Security[],
  lots: readonly HeldLot[],
): Restriction[] {
  const chosen = d.sample(securities, d.int(0, 3));
  const restrictions: Restriction[] = chosen.map((s) => ({
    security: s.id,
    rule: d.pick(['noBuy', 'noSell', 'noHold'] as const),
  }));
  const frozen = new Set(
    restrictions.flatMap((r) => ('security' in r && r.rule === 'noSell' ? [r.security] : [])),
  );
  if (d.chance(25)) {
    const sector = d.pick(securities).sector!;
    const clash = lots.some(
      (l) =>
        frozen.has(l.security) && securities.find((s) => s.id === l.security)?.sector === sector,
    );
    if (!clash) restrictions.push({ sector, rule: d.pick(['noBuy', 'noHold'] as const) });
  }
  return restrictions;
}

function randomSettings(d: SeededDraw, taxable: boolean, cash: number): AccountSettings {
  const settings: AccountSettings = {
    trading: { allowFractional: d.chance(50) },
  };
  if (d.chance(30)) settings.trading!.minTradeValue = d.int(50, 500);
  if (d.chance(15)) settings.trading!.maxTurnover = d.int(5, 40) / 100;
  if (d.chance(40)) {
    const target = d.int(0, 5) / 100;
    settings.cash = { target, min: d.chance(50) ? target / 2 : 0 };
    if (d.chance(20)) settings.cash.withdrawal = cents(cash * d.uniform(0, 0.5));
  }
  if (taxable) {
    settings.tax = { harvestLosses: d.chance(60), avoidShortTermGains: d.chance(40) };
    if (d.chance(40)) settings.tax.minHarvest = d.int(100, 2000);
    if (d.chance(30))
      settings.tax.gainBudget = { shortTerm: d.int(0, 3000), longTerm: d.int(0, 20000) };
  }
  if (d.chance(20)) settings.risk = { maxTrackingError: d.int(5, 40) / 1000 };
  if (d.chance(20)) settings.drift = { threshold: d.int(1, 5) / 100 };
  return settings;
}

function randomAccount(
  d: SeededDraw,
  id: string,
  taxable: boolean,
  securities: readonly Security[],
  model: string,
): RebalanceAccount {
  const value = d.int(50, 2000) * 1000;
  const lots = randomLots(d, securities, value);
  const cash = cents(value * d.uniform(0, 0.3));
  const settings = randomSettings(d, taxable, cash);
  settings.restrictions = randomRestrictions(d, securities, lots);
  return {
    id,
    taxStatus: taxable ? 'taxable' : 'deferred',
    model,
    cash,
    lots,
    recentTrades: recentFills(d, securities, lots),
    settings,
  };
}

/** The household of `seed` over `stocks` (see the file comment). */
export function randomRealHousehold(seed: number, stocks: readonly RealStock[]): RebalanceRequest {
  const d = seededDraw(seed);
  const chosen = d.sample(stocks, d.int(8, 20));
  const securities = toSecurities(chosen);
  const twins = ['GOOGL', 'GOOG'];
  if (twins.every((id) => securities.some((s) => s.id === id))) {
    for (const s of securities) if (twins.includes(s.id)) s.washGroup = 'alphabet';
  }
  const inModel = chosen.filter(() => d.chance(85));
  const base = capWeightedModel('cap', inModel.length > 0 ? inModel : chosen);
  const invested = 1 - d.int(0, 5) / 100;
  const model = {
    ...base,
    targets: base.targets.map((t) => ({ ...t, weight: t.weight * invested })),
  };
  return {
    asOf: AS_OF,
    securities,
    models: [model],
    household: {
      id: `H${seed}`,
      shortTermRate: d.int(25, 45) / 100,
      longTermRate: d.int(15, 25) / 100,
    },
    accounts: [
      randomAccount(d, 'TAX', true, securities, model.id),
      randomAccount(d, 'IRA', false, securities, model.id),
    ],
  };
}
