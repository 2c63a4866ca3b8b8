/**
 * The unambiguous case as a request and as a reference problem: one deferred (IRA) account that
 * holds only cash, follows a security-only model, trades fractional shares, and has only
 * restrictions by security or sector. Its benchmark is the model itself (restrictions do not
 * change it, spec Definitions), and the engine's result is read back from its trades.
 */
import type {
  Model,
  AccountProposal,
  RebalanceRequest,
  Restriction,
  RiskModel,
  Security,
} from '../../domain/index.js';
import { minTrackingError, type MinTrackingErrorResult } from './min-tracking-error.js';
import { denseCovariance, trackingErrorOf, type DenseMatrix } from './risk-matrix.js';
import type { BudgetRule } from './simplex-projection.js';

/** The account's cash, in USD. */
export const ACCOUNT_CASH = 1_000_000;

/** A household with one all-cash deferred account following `model` under `restrictions`. */
export function cashIraRequest(
  securities: Security[],
  model: Model,
  restrictions: Restriction[],
): RebalanceRequest {
  return {
    asOf: '2026-08-24',
    securities,
    models: [model],
    household: { id: 'H', shortTermRate: 0.408, longTermRate: 0.238 },
    accounts: [
      {
        id: 'IRA',
        taxStatus: 'deferred',
        model: model.id,
        cash: ACCOUNT_CASH,
        lots: [],
        recentTrades: [],
        settings: { restrictions, trading: { allowFractional: true } },
      },
    ],
  };
}

/** Ids the account may never buy: `noBuy` or `noHold` by security or by sector. */
export function unbuyable(
  securities: readonly Security[],
  restrictions: Restriction[],
): Set<string> {
  const out = new Set<string>();
  for (const r of restrictions) {
    if (r.rule === 'noSell') continue;
    for (const s of securities) {
      if ('security' in r && r.security === s.id) out.add(s.id);
      if ('sector' in r && r.sector === s.sector) out.add(s.id);
    }
  }
  return out;
}

/** The reference problem's data for a {@link cashIraRequest}, in `securities` order. */
export interface CashAccountReference {
  ids: string[];
  covariance: DenseMatrix;
  benchmark: Float64Array;
  allowed: boolean[];
}

/** Ids, Σ, benchmark (the model's weights) and the buyable mask of a {@link cashIraRequest}. */
export function cashAccountReference(
  request: RebalanceRequest,
  riskModel: RiskModel,
): CashAccountReference {
  const ids = request.securities.map((s) => s.id);
  const account = request.accounts[0]!;
  const model = request.models.find((m) => m.id === account.model)!;
  const benchmark = new Float64Array(ids.length);
  for (const t of model.targets) {
    if (!('security' in t)) throw new RangeError('security-only models here');
    benchmark[ids.indexOf(t.security)]! += t.weight;
  }
  const blocked = unbuyable(request.securities, account.settings?.restrictions ?? []);
  return {
    ids,
    covariance: denseCovariance(riskModel, ids),
    benchmark,
    allowed: ids.map((id) => !blocked.has(id)),
  };
}

/** The reference optimum: fully invested (`equal`) or with cash allowed (`atMost`). */
export function solveReference(
  reference: CashAccountReference,
  rule: BudgetRule,
  ridge = 0,
): MinTrackingErrorResult {
  return minTrackingError({
    covariance: reference.covariance,
    benchmark: reference.benchmark,
    set: { allowed: reference.allowed, budget: 1, rule },
    ridge,
  });
}

/** The engine's after-weights (buys − sells, × price, over the account's cash) in `ids` order. */
export function engineWeights(
  request: RebalanceRequest,
  proposal: AccountProposal,
  ids: readonly string[],
): Float64Array {
  const price = new Map(request.securities.map((s) => [s.id, s.price]));
  const weights = new Float64Array(ids.length);
  for (const trade of proposal.trades) {
    const sign = trade.side === 'buy' ? 1 : -1;
    weights[ids.indexOf(trade.security)]! +=
      (sign * trade.quantity * price.get(trade.security)!) / ACCOUNT_CASH;
  }
  return weights;
}

/** The tracking error of `weights` against the reference's benchmark, by the dense Σ. */
export function referenceTrackingError(
  reference: CashAccountReference,
  weights: Float64Array,
): number {
  return trackingErrorOf(
    reference.covariance,
    weights.map((w, i) => w - reference.benchmark[i]!),
  );
}
