/** Test helpers: small rebalance requests built from defaults, and readable views of contexts. */
import type {
  HeldLot,
  Model,
  RebalanceAccount,
  RebalanceRequest,
  RecentTrade,
  Security,
} from '../../../domain/index.js';
import { buildSecurityTable, type SecurityTable } from '../security-facts.js';
import type { HouseholdContext } from '../types.js';

/**
 * A stand-in risk model: the context only stores it, so no test needs a real one (and the risk
 * module's type may still be changing).
 */
export function placeholderRisk(): HouseholdContext['risk'] {
  return {} as HouseholdContext['risk'];
}

/** A security priced at `price`, with any optional fields. */
export function security(id: string, price: number, extra: Partial<Security> = {}): Security {
  return { id, price, ...extra };
}

/** A model from `[target, weight]` pairs; a target starting with `model:` is a sub-model. */
export function model(id: string, ...targets: [string, number][]): Model {
  return {
    id,
    targets: targets.map(([name, weight]) =>
      name.startsWith('model:') ? { model: name.slice(6), weight } : { security: name, weight },
    ),
  };
}

/** A lot of `quantity` shares. */
export function lot(
  id: string,
  securityId: string,
  quantity: number,
  costBasis: number,
  acquired = '2020-01-02',
): HeldLot {
  return { id, security: securityId, quantity, costBasis, acquired };
}

/** A recent fill; a sell without `realizedGain` stays without it. */
export function trade(
  date: string,
  securityId: string,
  side: 'buy' | 'sell',
  quantity: number,
  realizedGain?: number,
): RecentTrade {
  const fill: RecentTrade = { date, security: securityId, side, quantity, price: 100 };
  return realizedGain === undefined ? fill : { ...fill, realizedGain };
}

/** A tradable taxable account following no model, with no cash, lots or trades unless given. */
export function account(id: string, extra: Partial<RebalanceAccount> = {}): RebalanceAccount {
  return { id, taxStatus: 'taxable', model: null, cash: 0, lots: [], recentTrades: [], ...extra };
}

/** A request on 2026-11-24 for household H1 (rates 0.4 / 0.2, no household model). */
export function request(extra: Partial<RebalanceRequest> = {}): RebalanceRequest {
  return {
    asOf: '2026-11-24',
    securities: [],
    models: [],
    household: { id: 'H1', shortTermRate: 0.4, longTermRate: 0.2 },
    accounts: [],
    ...extra,
  };
}

/** The security table of some securities. */
export function table(...securities: Security[]): SecurityTable {
  return buildSecurityTable(securities);
}

/** Non-zero entries of a per-security array by id, rounded to 9 places to hide float noise. */
export function byId(
  securities: readonly { id: string }[],
  values: ArrayLike<number>,
): Record<string, number> {
  const out: Record<string, number> = {};
  securities.forEach((s, i) => {
    const v = values[i] ?? 0;
    if (v !== 0) out[s.id] = Number(v.toFixed(9));
  });
  return out;
}
