/**
 * Drift as the book shows it and the `drift` trigger measures it, at some prices: the largest
 * |held weight − target weight| over the securities either holds or targets. An account is
 * measured against its own model; in household mode (the household has a model of its own) every
 * account is measured as the household: the combined holdings of all its accounts against the
 * household model, with the strictest threshold set on any tradable account — as the spec has the
 * engine report it ("Every account then reports the household's combined tracking error and
 * drift"; the accounts' own models are ignored).
 */

/** Drift threshold where no account sets one. */
export const DEFAULT_DRIFT_THRESHOLD = 0.02;

/** One account's holdings valued at some prices. */
export interface DriftAccount {
  modelId: string | null;
  tradable: boolean;
  cashUsd: number;
  /** Value of each security held, by security id. */
  valueUsd: ReadonlyMap<string, number>;
  /** The account's `drift.threshold` setting, when set. */
  threshold: number | undefined;
}

/** An account's drift figure. */
export interface DriftFigure {
  /** Null without a model or without value. */
  maxDrift: number | null;
  threshold: number;
}

/** Flattened target weights of a model by security id (empty for an unknown model). */
export type ModelTargets = (modelId: string) => ReadonlyMap<string, number>;

/** max |value/total − target| over the securities held or targeted; null without value. */
export function maxDriftOf(
  valueUsd: ReadonlyMap<string, number>,
  totalUsd: number,
  target: ReadonlyMap<string, number>,
): number | null {
  if (!(totalUsd > 0)) return null;
  let drift = 0;
  for (const [id, v] of valueUsd)
    drift = Math.max(drift, Math.abs(v / totalUsd - (target.get(id) ?? 0)));
  for (const [id, w] of target) if (!valueUsd.has(id)) drift = Math.max(drift, Math.abs(w));
  return drift;
}

function totalOf(account: DriftAccount): number {
  let total = account.cashUsd;
  for (const v of account.valueUsd.values()) total += v;
  return total;
}

/**
 * The drift figure of each account of one household, in the order given. `householdModelId`:
 * the household's own model (household mode), or null.
 */
export function householdDriftFigures(
  accounts: readonly DriftAccount[],
  householdModelId: string | null,
  targets: ModelTargets,
): DriftFigure[] {
  if (householdModelId === null) {
    return accounts.map((a) => ({
      maxDrift: a.modelId === null ? null : maxDriftOf(a.valueUsd, totalOf(a), targets(a.modelId)),
      threshold: a.threshold ?? DEFAULT_DRIFT_THRESHOLD,
    }));
  }
  const combined = new Map<string, number>();
  let total = 0;
  for (const a of accounts) {
    total += totalOf(a);
    for (const [id, v] of a.valueUsd) combined.set(id, (combined.get(id) ?? 0) + v);
  }
  const set = accounts.flatMap((a) =>
    a.tradable && a.threshold !== undefined ? [a.threshold] : [],
  );
  const figure: DriftFigure = {
    maxDrift: maxDriftOf(combined, total, targets(householdModelId)),
    threshold: set.length > 0 ? Math.min(...set) : DEFAULT_DRIFT_THRESHOLD,
  };
  return accounts.map(() => figure);
}

/** Drift beyond its threshold. */
export const driftOutOfTolerance = (f: DriftFigure): boolean =>
  f.maxDrift !== null && f.maxDrift > f.threshold;
