/**
 * Benchmarks (spec Definitions, "Benchmark"): the weights tracking error is measured against. A
 * model is flattened down its tree of sub-models, substitutions move weight from `from` to `to`,
 * and the security weights are scaled pro rata to fill whatever the cash share leaves.
 */
import type { Model, Substitution } from '../../domain/index.js';
import { indexOfSecurity } from './security-facts.js';
import { scaledTo, sumOf } from './weights.js';

/** What a benchmark is resolved against: the request's models and security index. */
export interface BenchmarkSources {
  models: ReadonlyMap<string, Model>;
  securityIndex: ReadonlyMap<string, number>;
}

/**
 * Security weights of a model with every sub-model expanded: a sub-model's weights are multiplied
 * by its weight in the parent, down the tree (the request has no cycles: src/io rejects them).
 */
export function flattenModel(modelId: string, sources: BenchmarkSources): Float64Array {
  const out = new Float64Array(sources.securityIndex.size);
  addModel(out, modelId, 1, sources);
  return out;
}

function addModel(out: Float64Array, modelId: string, scale: number, sources: BenchmarkSources) {
  const model = sources.models.get(modelId);
  if (model === undefined) throw new Error(`unknown model "${modelId}" in a validated request`);
  for (const target of model.targets) {
    if ('security' in target) {
      out[indexOfSecurity(sources.securityIndex, target.security)]! += scale * target.weight;
    } else {
      addModel(out, target.model, scale * target.weight, sources);
    }
  }
}

/**
 * Each `from`'s weight moved to its `to`, all at once: moves read the weights before any move, so
 * A→B, B→C sends A's weight to B and B's to C, never A's on to C (no chains).
 */
export function applySubstitutions(
  weights: Float64Array,
  substitutions: readonly Substitution[],
  securityIndex: ReadonlyMap<string, number>,
): Float64Array {
  const out = Float64Array.from(weights);
  for (const { from, to } of substitutions) {
    const f = indexOfSecurity(securityIndex, from);
    const moved = weights[f]!;
    out[f]! -= moved;
    out[indexOfSecurity(securityIndex, to)]! += moved;
  }
  return out;
}

/** The cash a set of security weights leaves: 1 − Σ, never below 0 (weights may sum to 1 + 1e-9). */
export function ownCashShare(weights: Float64Array): number {
  return Math.max(0, 1 - sumOf(weights));
}

/**
 * An account's benchmark from a model: flattened, substituted, and scaled to fill 1 − cash share,
 * where the cash share is `cashTarget` when given, else the model's own cash.
 */
export function modelBenchmark(
  modelId: string,
  substitutions: readonly Substitution[],
  cashTarget: number | undefined,
  sources: BenchmarkSources,
): Float64Array {
  const weights = applySubstitutions(
    flattenModel(modelId, sources),
    substitutions,
    sources.securityIndex,
  );
  return scaledTo(weights, 1 - (cashTarget ?? ownCashShare(weights)));
}

/**
 * The benchmark of an account with `model: null`: its own current weights (q × p / V), with its
 * substitutions, scaled to fill 1 − cash share, where the cash share is `cashTarget` when given,
 * else cash / V. The current weights already leave cash / V, so without a target they are kept.
 */
export function ownPortfolioBenchmark(
  currentWeights: Float64Array,
  substitutions: readonly Substitution[],
  cashTarget: number | undefined,
  securityIndex: ReadonlyMap<string, number>,
): Float64Array {
  const weights = applySubstitutions(currentWeights, substitutions, securityIndex);
  return cashTarget === undefined ? weights : scaledTo(weights, 1 - cashTarget);
}

/**
 * The household benchmark (household mode): the household model flattened with the substitutions
 * of every tradable account applied. src/io rejects two accounts substituting one security
 * differently, so a repeated `from` is the same move and is applied once. The cash share is the
 * model's own, which substitutions preserve: no scaling.
 */
export function householdBenchmark(
  modelId: string,
  substitutionsPerAccount: readonly (readonly Substitution[])[],
  sources: BenchmarkSources,
): Float64Array {
  const byFrom = new Map<string, Substitution>();
  for (const list of substitutionsPerAccount) {
    for (const s of list) if (!byFrom.has(s.from)) byFrom.set(s.from, s);
  }
  return applySubstitutions(
    flattenModel(modelId, sources),
    [...byFrom.values()],
    sources.securityIndex,
  );
}
