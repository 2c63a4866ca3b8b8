/**
 * The risk model for one request: the request's own model or the shipped default, restricted to
 * the request's securities, with a documented proxy for each security the model does not cover
 * (see {@link ProxyGroups}). A security is covered when the model gives both its exposures and
 * its specific variance. An uncovered cash-equivalent security gets no factor exposure and
 * {@link CASH_EQUIVALENT_SPECIFIC_VARIANCE}. Never throws for an uncovered security.
 */
import type { RiskModel, Security } from '../domain/index.js';
import type { FactorModelRow, FactorRiskModel } from './factor-risk-model.js';
import { createFactorRiskModel } from './factor-risk-model.js';
import { factorSquareRoot, whitenedExposure } from './factor-square-root.js';
import type { ProxyBasis } from './proxy-groups.js';
import { ProxyGroups } from './proxy-groups.js';
import { loadDefaultRiskModelFile } from './default-risk-model.js';
import type { Classification } from './risk-model-file.js';

/**
 * Annualised specific variance of an uncovered cash-equivalent (0.1% volatility): near zero like
 * cash, yet positive so the risk term stays strictly convex in that holding.
 */
export const CASH_EQUIVALENT_SPECIFIC_VARIANCE = 1e-6;

/** A security the model does not cover and what stands in for it. */
export interface ProxiedSecurity {
  security: string;
  /** Human-readable, for a warning, e.g. `sector Energy (average of 22 covered securities)`. */
  proxy: string;
  basis: ProxyBasis;
}

/** The request's risk model in internal form and the securities that got a proxy. */
export interface ResolvedRiskModel {
  model: FactorRiskModel;
  proxied: ProxiedSecurity[];
}

/**
 * Restricts `riskModel` (or, when undefined, the shipped default) to `securities`, in their
 * order, proxying the uncovered ones. Throws RangeError only if the model's own dimensions are
 * inconsistent (the interchange validation rules that out for request models).
 */
export function resolveRiskModel(
  riskModel: RiskModel | undefined,
  securities: readonly Security[],
): ResolvedRiskModel {
  const file = riskModel === undefined ? loadDefaultRiskModelFile() : undefined;
  const source: RiskModel = riskModel ?? file!;
  const { rows: covered, covariance } = indexed(source);
  const requested = new Map<string, Security>();
  for (const s of securities) requested.set(s.id, s);
  const classify = (id: string): Classification | undefined => {
    const own = requested.get(id);
    const shipped = file?.classification[id];
    return {
      sector: own?.sector ?? shipped?.sector,
      assetClass: own?.assetClass ?? shipped?.assetClass,
    };
  };
  // The covered universe is listed only if some security needs a proxy.
  const groups = new ProxyGroups(source, () => [...covered.keys()], classify);
  const k = source.factors.length;
  const proxied: ProxiedSecurity[] = [];
  const rows: FactorModelRow[] = [];
  for (const security of securities) {
    const { id } = security;
    const row = covered.get(id);
    if (row !== undefined) {
      rows.push(row);
      continue;
    }
    if (security.cashEquivalent === true) {
      const proxy = 'cash equivalent: no factor exposure, near-zero specific variance';
      proxied.push({ security: id, proxy, basis: 'cashEquivalent' });
      rows.push({
        id,
        exposure: new Float64Array(k),
        specificVariance: CASH_EQUIVALENT_SPECIFIC_VARIANCE,
      });
      continue;
    }
    const proxy = groups.proxyFor({ sector: security.sector, assetClass: security.assetClass });
    proxied.push({ security: id, proxy: proxy.description, basis: proxy.basis });
    rows.push({ id, exposure: proxy.exposure, specificVariance: proxy.specificVariance });
  }
  return {
    model: createFactorRiskModel(source.factors, covariance, rows),
    proxied,
  };
}

/**
 * A model checked and indexed: its covered rows, each with its whitened exposures, and its
 * factor covariance, flattened.
 */
interface IndexedModel {
  /** The securities the model covers (exposures and specific variance both given), in key order. */
  rows: Map<string, FactorModelRow>;
  /** F, k × k row-major. */
  covariance: Float64Array;
}

/**
 * Each model seen, checked and indexed once. The shipped default is one object for the life of
 * the process: checking and indexing its few hundred rows once, not for every household, took
 * 29% off resolving the model of a household with 415 securities. Flattening its 44 × 44
 * covariance once took another 0.1 ms off every household (`Array.prototype.flat` was 70% of
 * resolving a 9-ETF household's model), and whitening each covered row once spares every
 * household k(k+1)/2 multiply-adds a security (about 0.4 ms for 400 stocks). A request's own
 * model is a new object each time and is indexed each time.
 */
const indexedModels = new WeakMap<RiskModel, IndexedModel>();

function indexed(model: RiskModel): IndexedModel {
  const known = indexedModels.get(model);
  if (known !== undefined) return known;
  assertDimensions(model);
  const k = model.factors.length;
  const covariance = new Float64Array(k * k);
  model.factorCovariance.forEach((row, i) => covariance.set(row, i * k));
  const root = factorSquareRoot(covariance, k);
  const rows = new Map<string, FactorModelRow>();
  const covered = Object.entries(model.exposures).filter(([id]) =>
    Object.hasOwn(model.specificVariance, id),
  );
  // One matrix, a view per row: an array of its own per row cost more than whitening it.
  const whitened = new Float64Array(covered.length * k);
  covered.forEach(([id, exposure], i) => {
    whitenedExposure(exposure, root, whitened, i * k);
    rows.set(id, {
      id,
      exposure,
      specificVariance: model.specificVariance[id]!,
      whitened: whitened.subarray(i * k, i * k + k),
    });
  });
  const result = { rows, covariance };
  indexedModels.set(model, result);
  return result;
}

/** Throws RangeError unless every exposure row has k entries and the covariance is k × k. */
function assertDimensions(model: RiskModel): void {
  const k = model.factors.length;
  if (model.factorCovariance.length !== k || model.factorCovariance.some((r) => r.length !== k)) {
    throw new RangeError(`risk model: factorCovariance must be ${k} × ${k}`);
  }
  for (const [id, row] of Object.entries(model.exposures)) {
    if (row.length !== k)
      throw new RangeError(`risk model: exposures of ${id} must have ${k} entries`);
  }
}
