/**
 * Test helpers: a small household with an explicit one-factor risk model, its context, and
 * continuous plans written by hand (the account blocks come from the real formulation).
 */
import type {
  AccountSettings,
  HeldLot,
  RebalanceAccount,
  RebalanceRequest,
  Security,
} from '../../../domain/index.js';
import { resolveRiskModel } from '../../../risk/index.js';
import { buildHouseholdContext, type HouseholdContext } from '../../context/index.js';
import { formulate, type Formulation } from '../../problem/index.js';
import type { ContinuousAccountPlan } from '../../solve/index.js';

/** A security at `price` with optional fields. */
export function sec(id: string, price: number, extra: Partial<Security> = {}): Security {
  return { id, price, ...extra };
}

/** A lot; long-term unless `acquired` says otherwise (asOf is 2026-11-24). */
export function lot(
  id: string,
  security: string,
  quantity: number,
  costBasis: number,
  acquired = '2020-01-02',
): HeldLot {
  return { id, security, quantity, costBasis, acquired };
}

/** A tradable taxable account on model `m` (or null) with the given lots and settings. */
export function acct(
  id: string,
  cash: number,
  lots: HeldLot[],
  settings: AccountSettings = {},
  extra: Partial<RebalanceAccount> = {},
): RebalanceAccount {
  return { id, taxStatus: 'taxable', model: 'm', cash, lots, recentTrades: [], settings, ...extra };
}

/**
 * A request on 2026-11-24 (rates 0.4 / 0.2) whose model `m` holds `targets`; every security is
 * in a one-factor risk model with specific variance 0.01.
 */
export function household(
  securities: Security[],
  targets: Record<string, number>,
  accounts: RebalanceAccount[],
): RebalanceRequest {
  const ids = securities.map((s) => s.id);
  return {
    asOf: '2026-11-24',
    securities,
    models: [
      {
        id: 'm',
        targets: Object.entries(targets).map(([security, weight]) => ({ security, weight })),
      },
    ],
    riskModel: {
      factors: ['market'],
      exposures: Object.fromEntries(ids.map((id) => [id, [1]])),
      factorCovariance: [[0.04]],
      specificVariance: Object.fromEntries(ids.map((id) => [id, 0.01])),
    },
    household: { id: 'H', shortTermRate: 0.4, longTermRate: 0.2 },
    accounts,
  };
}

/** The household's context and formulation. */
export function prepare(request: RebalanceRequest): { ctx: HouseholdContext; form: Formulation } {
  const ctx = buildHouseholdContext(
    request,
    resolveRiskModel(request.riskModel, request.securities).model,
  );
  return { ctx, form: formulate(ctx) };
}

/** A continuous plan for account `id`: shares sold per lot id and bought per security id. */
export function handPlan(
  ctx: HouseholdContext,
  form: Formulation,
  id: string,
  sells: Record<string, number>,
  buys: Record<string, number>,
): ContinuousAccountPlan {
  const acc = ctx.accounts.find((a) => a.id === id)!;
  const block = form.accounts.find((b) => b.account === acc.index)!;
  const sellQuantity = Float64Array.from(acc.lots, (l, k) =>
    block.roles[k] === 'forced' ? l.quantity : (sells[l.id] ?? 0),
  );
  const buyQuantity = Float64Array.from(ctx.securities, (s) => buys[s.id] ?? 0);
  return { account: acc.index, block, sellQuantity, buyQuantity };
}
