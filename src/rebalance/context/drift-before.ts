/**
 * The drift before trading of each account of one household (spec Definitions, "Drift"), from
 * holdings valued at some prices and the accounts' settings, without a request: what the book's
 * figures and the `drift` trigger show, computed by the same functions the engine uses
 * (benchmark.ts, drift.ts, restrictions.ts), so the book says what a proposal's `before.maxDrift`
 * will say. In household mode every account gets the household's figure.
 */
import type { DriftAccountInput, DriftBefore, DriftSources, Model } from '../../domain/index.js';
import {
  householdBenchmark,
  modelBenchmark,
  ownPortfolioBenchmark,
  type BenchmarkSources,
} from './benchmark.js';
import {
  combinedWeights,
  driftTargetOf,
  householdDrift,
  householdNoHold,
  maxDrift,
} from './drift.js';
import { strictestLimit } from './household-limits.js';
import { accountRules } from './restrictions.js';
import type { SecurityFacts } from './types.js';
import { holdingWeights } from './weights.js';

/**
 * The drift before trading of each account, in the order given; `detail`: with `bySecurity`. A
 * `DriftMeasure` (src/domain/drift.ts): the store's figures get it from the layers that know the
 * engine.
 */
export function householdDriftBefore(
  accounts: readonly DriftAccountInput[],
  householdModelId: string | null,
  sources: DriftSources,
  detail = false,
): DriftBefore[] {
  const parts = accounts.map((a) => ({ ...a, settings: a.tradable ? a.settings : {} }));
  // In household mode the accounts' own models are ignored (spec §1).
  const models = householdModelId !== null ? [householdModelId] : parts.map((a) => a.modelId);
  if (models.some((id) => id !== null && !knownModel(id, sources.models))) {
    return parts.map(() => ({ maxDrift: null, threshold: undefined }));
  }
  const securities = universe(parts, models, sources);
  const securityIndex = new Map(securities.map((s) => [s.id, s.index]));
  const bench: BenchmarkSources = { models: sources.models, securityIndex };
  const held = parts.map((a) => {
    const heldQuantity = new Float64Array(securities.length);
    let valueUsd = a.cashUsd;
    for (const [id, v] of a.valueUsd) {
      heldQuantity[securityIndex.get(id)!]! += v;
      valueUsd += v;
    }
    const rules = accountRules({
      restrictions: a.settings.restrictions ?? [],
      substitutions: a.settings.substitutions ?? [],
      washBuyBlocked: new Set(),
      securities,
      securityIndex,
    }).rules;
    return { heldQuantity, valueUsd, tradable: a.tradable, rules };
  });
  if (householdModelId !== null) {
    const substitutions = parts
      .filter((a) => a.tradable)
      .map((a) => a.settings.substitutions ?? []);
    const benchmark = householdBenchmark(householdModelId, substitutions, bench);
    const threshold = strictestLimit(parts, (s) => s.drift?.threshold)?.limit;
    if (!(held.reduce((sum, h) => sum + h.valueUsd, 0) > 0)) {
      return parts.map(() => ({ maxDrift: null, threshold }));
    }
    const { driftTarget, driftBefore } = householdDrift(benchmark, held, securities);
    const figure: DriftBefore = { maxDrift: driftBefore, threshold };
    if (detail) {
      const tradableRules = held.filter((h) => h.tradable).map((h) => h.rules);
      figure.bySecurity = perSecurity(
        securities,
        combinedWeights(held, securities),
        driftTarget,
        householdNoHold(tradableRules, securities.length),
      );
    }
    return parts.map(() => figure);
  }
  return parts.map((a, k) => {
    const { heldQuantity, valueUsd, rules } = held[k]!;
    if (!(valueUsd > 0)) return { maxDrift: null, threshold: a.settings.drift?.threshold };
    const current = holdingWeights(heldQuantity, securities, valueUsd);
    const substitutions = a.settings.substitutions ?? [];
    const cashTarget = a.settings.cash?.target;
    const benchmark =
      a.modelId === null
        ? ownPortfolioBenchmark(current, substitutions, cashTarget, securityIndex)
        : modelBenchmark(a.modelId, substitutions, cashTarget, bench);
    const target = driftTargetOf(benchmark, rules.noHold);
    const figure: DriftBefore = {
      maxDrift: maxDrift(current, target, rules.noHold),
      threshold: a.settings.drift?.threshold,
    };
    if (detail) figure.bySecurity = perSecurity(securities, current, target, rules.noHold);
    return figure;
  });
}

/** Target and drift of each security held or targeted (`excluded`: drift 0). */
function perSecurity(
  securities: readonly SecurityFacts[],
  weights: Float64Array,
  target: Float64Array,
  excluded: Uint8Array,
): Map<string, { target: number; drift: number }> {
  const out = new Map<string, { target: number; drift: number }>();
  for (const s of securities) {
    const w = weights[s.index]!;
    const t = target[s.index]!;
    if (w === 0 && t === 0) continue;
    out.set(s.id, { target: t, drift: excluded[s.index] === 1 ? 0 : w - t });
  }
  return out;
}

/** A model and every sub-model under it are known. */
function knownModel(id: string, models: ReadonlyMap<string, Model>, depth = 0): boolean {
  const model = models.get(id);
  if (model === undefined || depth > 16) return false;
  return model.targets.every((t) => 'security' in t || knownModel(t.model, models, depth + 1));
}

/**
 * Every security the figures can touch: held, in a model, in a substitution or a security
 * restriction. Holdings are given as values, so each counts at a price of 1.
 */
function universe(
  accounts: readonly DriftAccountInput[],
  modelIds: readonly (string | null)[],
  sources: DriftSources,
): SecurityFacts[] {
  const ids = new Set<string>();
  const addModel = (id: string): void => {
    for (const t of sources.models.get(id)!.targets) {
      if ('security' in t) ids.add(t.security);
      else addModel(t.model);
    }
  };
  for (const id of modelIds) if (id !== null) addModel(id);
  for (const a of accounts) {
    for (const id of a.valueUsd.keys()) ids.add(id);
    for (const s of a.settings.substitutions ?? []) ids.add(s.from).add(s.to);
    for (const r of a.settings.restrictions ?? []) if ('security' in r) ids.add(r.security);
  }
  return [...ids].sort().map((id, index) => {
    const traits = sources.traits(id);
    return {
      id,
      index,
      priceUsd: 1,
      lotSize: 1,
      washSet: id,
      sector: traits?.sector ?? undefined,
      assetClass: undefined,
      tags: traits?.tags ?? [],
      taxDrag: 0,
      cashEquivalent: false,
    };
  });
}
