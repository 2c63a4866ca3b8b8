/** Restrictions by security, sector or tag, expanded to the securities they cover (spec §1). */
import type { Restriction, RestrictionRule, Security } from '../../domain/index.js';

/** The securities of one account under each rule; `noHold` securities are also never bought. */
export interface RestrictionSets {
  noBuy: Set<string>;
  noSell: Set<string>;
  noHold: Set<string>;
}

/** True when `restriction` names `security` directly, by its sector or by one of its tags. */
export function covers(restriction: Restriction, security: Security): boolean {
  if ('security' in restriction) return restriction.security === security.id;
  if ('sector' in restriction) return security.sector === restriction.sector;
  return (security.tags ?? []).includes(restriction.tag);
}

/** Expands `restrictions` over `securities`. */
export function restrictionSets(
  restrictions: readonly Restriction[],
  securities: readonly Security[],
): RestrictionSets {
  const sets: Record<RestrictionRule, Set<string>> = {
    noBuy: new Set(),
    noSell: new Set(),
    noHold: new Set(),
  };
  for (const restriction of restrictions) {
    for (const security of securities) {
      if (covers(restriction, security)) sets[restriction.rule].add(security.id);
    }
  }
  return sets;
}
