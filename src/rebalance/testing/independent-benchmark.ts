/**
 * Benchmarks re-derived from the spec (Definitions: Benchmark, Drift), independently of the engine:
 * the model flattened (weights multiply down the tree), substitutions applied all at once, the cash
 * share `cash.target` or else the model's own, securities scaled pro rata to fill the rest.
 * `model: null` uses the account's own current weights; household mode the household model.
 */
import type { Model, Substitution } from '../../domain/index.js';
import type { AccountFacts, RequestFacts } from './request-facts.js';

/** Security weights (cash is what they leave of 1). */
export type Weights = Map<string, number>;

/** A benchmark: its security weights and its cash share. */
export interface Benchmark {
  weights: Weights;
  cashShare: number;
}

/** Sum of a model's flattened security weights, per security. */
export function flattenModel(
  models: readonly Model[],
  id: string,
  scale = 1,
  out: Weights = new Map(),
): Weights {
  const model = models.find((m) => m.id === id);
  for (const target of model?.targets ?? []) {
    if ('security' in target) {
      out.set(target.security, (out.get(target.security) ?? 0) + scale * target.weight);
    } else {
      flattenModel(models, target.model, scale * target.weight, out);
    }
  }
  return out;
}

/** Moves each `from`'s weight to its `to`, all at once (no chains). */
export function substitute(weights: Weights, substitutions: readonly Substitution[]): Weights {
  const to = new Map(substitutions.map((s) => [s.from, s.to]));
  const out: Weights = new Map();
  for (const [security, weight] of weights) {
    const held = to.get(security) ?? security;
    out.set(held, (out.get(held) ?? 0) + weight);
  }
  return out;
}

/** Σ of the weights. */
export function total(weights: Weights): number {
  let sum = 0;
  for (const w of weights.values()) sum += w;
  return sum;
}

/** Scales the weights pro rata to sum to `1 − cashShare` (none left if they sum to 0). */
export function scaleToFill(weights: Weights, cashShare: number): Weights {
  const sum = total(weights);
  const out: Weights = new Map();
  if (sum <= 0) return out;
  for (const [security, weight] of weights) out.set(security, (weight * (1 - cashShare)) / sum);
  return out;
}

/** The household benchmark: the household model flattened with every tradable account's substitutions. */
export function householdBenchmark(facts: RequestFacts, model: string): Benchmark {
  const substitutions = facts.accounts.flatMap((a) => a.settings.substitutions ?? []);
  const weights = substitute(flattenModel(facts.request.models, model), substitutions);
  return { weights, cashShare: 1 - total(weights) };
}

/** The account's own benchmark (outside household mode). */
export function accountBenchmark(facts: RequestFacts, account: AccountFacts): Benchmark {
  const substitutions = account.settings.substitutions ?? [];
  const target = account.settings.cash?.target;
  if (account.account.model === null) {
    const own: Weights = new Map();
    if (account.value > 0) {
      for (const [security, quantity] of account.holdings) {
        const price = facts.securities.get(security)?.price ?? 0;
        own.set(security, (quantity * price) / account.value);
      }
    }
    const cashShare = target ?? (account.value > 0 ? account.account.cash / account.value : 1);
    return { weights: scaleToFill(substitute(own, substitutions), cashShare), cashShare };
  }
  const flat = flattenModel(facts.request.models, account.account.model);
  const cashShare = target ?? 1 - total(flat);
  return { weights: scaleToFill(substitute(flat, substitutions), cashShare), cashShare };
}

/** The benchmark the account is measured against: the household's in household mode. */
export function benchmarkOf(facts: RequestFacts, account: AccountFacts): Benchmark {
  return facts.householdModel === undefined
    ? accountBenchmark(facts, account)
    : householdBenchmark(facts, facts.householdModel);
}

/** The drift target: the benchmark without `excluded` securities, the rest scaled pro rata. */
export function driftTarget(benchmark: Benchmark, excluded: ReadonlySet<string>): Weights {
  const kept: Weights = new Map([...benchmark.weights].filter(([s]) => !excluded.has(s)));
  return scaleToFill(kept, benchmark.cashShare);
}

/** Securities under `noHold` in every tradable account (household drift ignores them). */
export function householdNoHold(facts: RequestFacts): Set<string> {
  const tradable = facts.accounts.filter((a) => a.tradable);
  if (tradable.length === 0) return new Set();
  return new Set(
    facts.request.securities
      .map((s) => s.id)
      .filter((s) => tradable.every((a) => a.restrictions.noHold.has(s))),
  );
}
