/** The request's securities with their defaults applied, addressed by index. */
import type { Security } from '../../domain/index.js';
import type { SecurityFacts } from './types.js';

/** The securities in request order and the index of each id. */
export interface SecurityTable {
  securities: SecurityFacts[];
  securityIndex: Map<string, number>;
}

/** One security with the spec's defaults: lotSize 1, washSet = washGroup ?? id, taxDrag 0, no tags. */
export function securityFacts(security: Security, index: number): SecurityFacts {
  return {
    id: security.id,
    index,
    priceUsd: security.price,
    lotSize: security.lotSize ?? 1,
    washSet: security.washGroup ?? security.id,
    sector: security.sector,
    assetClass: security.assetClass,
    tags: security.tags ?? [],
    taxDrag: security.taxDrag ?? 0,
    cashEquivalent: security.cashEquivalent ?? false,
  };
}

/** Every security of the request, indexed in request order. */
export function buildSecurityTable(securities: readonly Security[]): SecurityTable {
  const facts = securities.map(securityFacts);
  const securityIndex = new Map<string, number>();
  for (const s of facts) securityIndex.set(s.id, s.index);
  return { securities: facts, securityIndex };
}

/**
 * The index of a security id. The request was validated (every named security is listed), so a
 * miss is a programming error: fail loudly rather than index with `undefined`.
 */
export function indexOfSecurity(securityIndex: ReadonlyMap<string, number>, id: string): number {
  const index = securityIndex.get(id);
  if (index === undefined) throw new Error(`unknown security "${id}" in a validated request`);
  return index;
}
