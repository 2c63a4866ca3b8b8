/**
 * Proxies for securities a risk model does not cover. A proxy is the average exposure row and
 * the median specific variance of the covered securities that share the uncovered security's
 * `sector`; failing that (no sector, or no covered security in it) its `assetClass`; failing
 * that the whole covered universe (a market-like proxy). Averages are computed once per group.
 */
import type { RiskModel } from '../domain/index.js';
import type { Classification } from './risk-model-file.js';

/** Which rule chose a proxy. */
export type ProxyBasis = 'sector' | 'assetClass' | 'universe' | 'cashEquivalent';

/** A proxy row and how it was chosen. */
export interface Proxy {
  basis: ProxyBasis;
  /** Human-readable, e.g. `sector Energy (average of 22 covered securities)`. */
  description: string;
  exposure: Float64Array;
  specificVariance: number;
}

/** Specific variance given when nothing at all is covered: a typical single stock (20% a year). */
export const EMPTY_MODEL_SPECIFIC_VARIANCE = 0.04;

/** Finds proxies over the covered securities of `model`, classified by `classify`. */
export class ProxyGroups {
  readonly #model: RiskModel;
  readonly #listCovered: () => string[];
  #coveredList: string[] | undefined;
  readonly #classify: (id: string) => Classification | undefined;
  readonly #cache = new Map<string, Proxy | undefined>();

  /** `covered` lists the covered securities; it is called once, when a first proxy is needed. */
  constructor(
    model: RiskModel,
    covered: string[] | (() => string[]),
    classify: (id: string) => Classification | undefined,
  ) {
    this.#model = model;
    this.#listCovered = Array.isArray(covered) ? () => covered : covered;
    this.#classify = classify;
  }

  get #covered(): string[] {
    return (this.#coveredList ??= this.#listCovered());
  }

  /** The proxy for a security classified as `own` (never undefined). */
  proxyFor(own: Classification): Proxy {
    const { sector, assetClass } = own;
    return (
      (sector === undefined ? undefined : this.#group('sector', sector)) ??
      (assetClass === undefined ? undefined : this.#group('assetClass', assetClass)) ??
      this.#group('universe', '')!
    );
  }

  #group(basis: Exclude<ProxyBasis, 'cashEquivalent'>, name: string): Proxy | undefined {
    const key = `${basis}\u0000${name}`;
    if (!this.#cache.has(key)) {
      const members =
        basis === 'universe'
          ? this.#covered
          : this.#covered.filter((id) => this.#classify(id)?.[basis] === name);
      this.#cache.set(key, this.#average(basis, name, members));
    }
    return this.#cache.get(key);
  }

  #average(basis: Exclude<ProxyBasis, 'cashEquivalent'>, name: string, members: string[]) {
    const k = this.#model.factors.length;
    const label = basis === 'universe' ? 'all covered securities' : `${basis} ${name}`;
    if (members.length === 0) {
      if (basis !== 'universe') return undefined;
      const description = 'no covered securities: no factor exposure';
      return {
        basis,
        description,
        exposure: new Float64Array(k),
        specificVariance: EMPTY_MODEL_SPECIFIC_VARIANCE,
      };
    }
    const exposure = new Float64Array(k);
    for (const id of members) {
      const row = this.#model.exposures[id]!;
      for (let j = 0; j < k; j++) exposure[j]! += row[j]! / members.length;
    }
    const specific = Float64Array.from(members, (id) => this.#model.specificVariance[id]!).sort();
    const mid = specific.length >> 1;
    const specificVariance =
      specific.length % 2 === 1 ? specific[mid]! : (specific[mid - 1]! + specific[mid]!) / 2;
    const description = `${label} (average of ${members.length} covered securities)`;
    return { basis, description, exposure, specificVariance };
  }
}
