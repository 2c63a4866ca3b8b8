/**
 * Weights, drift and tracking error re-derived from the spec (Definitions: Value, Drift, Tracking
 * error): before-weights over V, after-weights over V − W; in household mode over the household's
 * combined V and V − W. Tracking error = √(aᵀ(X F Xᵀ + diag(s))a), a = weights − benchmark.
 */
import type { RiskModel } from '../../domain/index.js';
import type { AccountPair, CheckContext } from './check-context.js';
import { holdingsAfter } from './check-context.js';
import {
  benchmarkOf,
  driftTarget,
  householdNoHold,
  type Benchmark,
  type Weights,
} from './independent-benchmark.js';
import type { AccountFacts, RequestFacts } from './request-facts.js';

/** Before and after figures of one account (or of the household, in household mode). */
export interface RiskFigures {
  driftBefore: number;
  driftAfter: number;
  /** Undefined without a risk model, or when a security with active weight is not covered. */
  trackingErrorBefore: number | undefined;
  trackingErrorAfter: number | undefined;
}

function addWeights(
  out: Weights,
  holdings: Map<string, number>,
  facts: RequestFacts,
  over: number,
): void {
  if (over <= 0) return;
  for (const [security, quantity] of holdings) {
    const price = facts.securities.get(security)?.price ?? 0;
    out.set(security, (out.get(security) ?? 0) + (quantity * price) / over);
  }
}

/** max over securities not excluded of |weight − target|. */
export function drift(
  facts: RequestFacts,
  weights: Weights,
  target: Weights,
  excluded: ReadonlySet<string>,
): number {
  let max = 0;
  for (const { id } of facts.request.securities) {
    if (excluded.has(id)) continue;
    max = Math.max(max, Math.abs((weights.get(id) ?? 0) - (target.get(id) ?? 0)));
  }
  return max;
}

/** √(aᵀ(X F Xᵀ + diag(s))a), or undefined when a security with active weight is not covered. */
export function trackingError(
  risk: RiskModel,
  weights: Weights,
  benchmark: Weights,
): number | undefined {
  const k = risk.factors.length;
  const factor = new Array<number>(k).fill(0);
  let specific = 0;
  for (const security of new Set([...weights.keys(), ...benchmark.keys()])) {
    const a = (weights.get(security) ?? 0) - (benchmark.get(security) ?? 0);
    if (Math.abs(a) <= 1e-15) continue;
    const exposure = risk.exposures[security];
    const variance = risk.specificVariance[security];
    if (exposure === undefined || variance === undefined) return undefined;
    for (let j = 0; j < k; j++) factor[j]! += a * (exposure[j] ?? 0);
    specific += a * a * variance;
  }
  let common = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++)
      common += factor[i]! * (risk.factorCovariance[i]?.[j] ?? 0) * factor[j]!;
  }
  return Math.sqrt(Math.max(0, common + specific));
}

function figures(
  facts: RequestFacts,
  before: Weights,
  after: Weights,
  benchmark: Benchmark,
  excluded: ReadonlySet<string>,
): RiskFigures {
  const target = driftTarget(benchmark, excluded);
  const risk = facts.request.riskModel;
  return {
    driftBefore: drift(facts, before, target, excluded),
    driftAfter: drift(facts, after, target, excluded),
    trackingErrorBefore: risk && trackingError(risk, before, benchmark.weights),
    trackingErrorAfter: risk && trackingError(risk, after, benchmark.weights),
  };
}

/** An account's own figures (outside household mode). */
export function accountRisk(facts: RequestFacts, pair: AccountPair): RiskFigures {
  const account = pair.facts;
  const before: Weights = new Map();
  const after: Weights = new Map();
  addWeights(before, account.holdings, facts, account.value);
  addWeights(after, holdingsAfter(pair), facts, account.value - account.withdrawal);
  return figures(facts, before, after, benchmarkOf(facts, account), account.restrictions.noHold);
}

/** The household's combined figures (household mode); accounts without a proposal count unchanged. */
export function householdRisk(context: CheckContext): RiskFigures {
  const { facts, pairs } = context;
  const byId = new Map(pairs.map((p) => [p.facts.id, p]));
  const valueBefore = facts.accounts.reduce((acc, a) => acc + a.value, 0);
  const valueAfter = facts.accounts.reduce((acc, a) => acc + a.value - a.withdrawal, 0);
  const before: Weights = new Map();
  const after: Weights = new Map();
  for (const account of facts.accounts) {
    const pair = byId.get(account.id);
    addWeights(before, account.holdings, facts, valueBefore);
    addWeights(after, pair ? holdingsAfter(pair) : account.holdings, facts, valueAfter);
  }
  const first: AccountFacts | undefined = facts.accounts[0];
  if (!first)
    return { driftBefore: 0, driftAfter: 0, trackingErrorBefore: 0, trackingErrorAfter: 0 };
  return figures(facts, before, after, benchmarkOf(facts, first), householdNoHold(facts));
}

/** The figures every account reports: its own, or the household's in household mode. */
export function riskFiguresByAccount(context: CheckContext): Map<string, RiskFigures> {
  const out = new Map<string, RiskFigures>();
  const household = context.facts.householdModel === undefined ? undefined : householdRisk(context);
  for (const pair of context.pairs)
    out.set(pair.facts.id, household ?? accountRisk(context.facts, pair));
  return out;
}
