/**
 * The shipped risk-model file (`data/risk-model/default-<window end>-r<revision>.json`): a
 * {@link RiskModel} plus its version, estimation window, method and each covered security's
 * classification (used to choose proxies for securities the model does not cover).
 */
import type { RiskModel } from '../domain/index.js';

/** Sector and asset class of a covered security, as the model's data sources name them. */
export interface Classification {
  sector?: string;
  assetClass?: string;
}

/** How the model was estimated. */
export interface RiskModelMethod {
  /** Bumped whenever the estimation method or universe changes. */
  revision: number;
  returns: string;
  factorModel: string;
  shrinkage: string;
  minObservations: number;
  periodsPerYear: number;
  /** Share of total correlation variance carried by the factors. */
  explained: number;
}

/** The versioned file: a risk model with provenance. */
export interface RiskModelFile extends RiskModel {
  /** `default-<window end>-r<revision>`, the file name without `.json`. */
  version: string;
  /** First and last daily close used (ISO dates) and the number of daily returns. */
  window: { start: string; end: string; returns: number };
  method: RiskModelMethod;
  sources: string[];
  classification: Record<string, Classification>;
}

/**
 * Checks the parts of a parsed file the engine relies on: the four risk-model fields with
 * consistent dimensions and finite numbers, and the version. Throws an Error naming the defect.
 */
export function checkRiskModelFile(value: unknown, source: string): RiskModelFile {
  const fail: (what: string) => never = (what) => {
    throw new Error(`${source}: ${what}`);
  };
  if (typeof value !== 'object' || value === null) fail('not a JSON object');
  const file = value as Partial<RiskModelFile>;
  if (typeof file.version !== 'string') fail('missing version');
  const factors = file.factors;
  if (!Array.isArray(factors) || factors.some((f) => typeof f !== 'string')) fail('bad factors');
  const k = factors.length;
  const finiteRow = (row: unknown): boolean =>
    Array.isArray(row) && row.length === k && row.every((x) => Number.isFinite(x));
  if (!Array.isArray(file.factorCovariance) || file.factorCovariance.length !== k) {
    fail(`factorCovariance must be ${k} × ${k}`);
  }
  if (!file.factorCovariance.every(finiteRow)) fail(`factorCovariance must be ${k} × ${k}`);
  const exposures = file.exposures ?? fail('missing exposures');
  const specific = file.specificVariance ?? fail('missing specificVariance');
  for (const [id, row] of Object.entries(exposures)) {
    if (!finiteRow(row)) fail(`exposures.${id} must hold ${k} finite numbers`);
    const s = specific[id];
    if (s === undefined || !(s >= 0)) fail(`specificVariance.${id} must be a number ≥ 0`);
  }
  return { ...file, classification: file.classification ?? {} } as RiskModelFile;
}
