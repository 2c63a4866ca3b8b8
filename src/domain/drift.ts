/**
 * Drift figures of the book (types only): what the store's figures ask of the engine, which the
 * store does not know. `src/rebalance`'s `householdDriftBefore` is the measure; `src/api` and
 * `src/batch` pass it to the store's reads.
 */
import type { AccountSettings, Model } from './rebalance.js';

/** One account's holdings valued at some prices, with its settings. */
export interface DriftAccountInput {
  modelId: string | null;
  tradable: boolean;
  cashUsd: number;
  /** Value of each security held, by id. */
  valueUsd: ReadonlyMap<string, number>;
  /** Its current settings (held-away accounts' are ignored, as by the engine). */
  settings: AccountSettings;
}

/** What the drift of a household needs besides its accounts. */
export interface DriftSources {
  /** Every model the accounts or the household name, with their sub-models. */
  models: ReadonlyMap<string, Model>;
  /** Sector and tags of a security (restrictions by sector or tag); undefined when unknown. */
  traits: (securityId: string) => { sector: string | null; tags: readonly string[] } | undefined;
}

/** An account's drift before trading and the threshold that applies to it (undefined: none set). */
export interface DriftBefore {
  /** Null for an account without value, or whose model is unknown. */
  maxDrift: number | null;
  threshold: number | undefined;
  /**
   * Per security held or targeted: the drift target (the benchmark without `noHold` securities,
   * scaled back up) and weight − target (the household's combined weight in household mode; 0
   * for a `noHold` security, which drift leaves out). Only when asked for, and where
   * `maxDrift` is not null.
   */
  bySecurity?: ReadonlyMap<string, { target: number; drift: number }>;
}

/**
 * The drift before trading of each account of one household, in the order given (spec
 * Definitions, "Drift"); `householdModelId`: the household's own model, or null; `detail`: with
 * `bySecurity`.
 */
export type DriftMeasure = (
  accounts: readonly DriftAccountInput[],
  householdModelId: string | null,
  sources: DriftSources,
  detail?: boolean,
) => DriftBefore[];
