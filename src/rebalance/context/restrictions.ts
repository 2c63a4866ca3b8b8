/**
 * An account's rules per security: restrictions by security, sector or tag expanded to flags,
 * plus the never-buys that substitutions and recent wash sales add. Every flag remembers where it
 * came from, so a conflict or an explanation can name it.
 */
import type { Restriction, RestrictionRule, Substitution } from '../../domain/index.js';
import { indexOfSecurity } from './security-facts.js';
import type { BlockReason, SecurityFacts, SecurityRuleFlags } from './types.js';

/** Per rule, the restriction that set it on each security (the first one, e.g. "sector Energy"). */
export type RuleSources = Record<RestrictionRule, Map<number, string>>;

/** The flags of one account with their provenance. */
export interface AccountRules {
  rules: SecurityRuleFlags;
  sources: RuleSources;
  buyBlockReason: Map<number, BlockReason>;
}

/** What an account's rules are built from. */
export interface RuleInputs {
  restrictions: readonly Restriction[];
  substitutions: readonly Substitution[];
  /** Wash sets sold at a loss in a taxable account in the last 30 days (household-wide). */
  washBuyBlocked: ReadonlySet<string>;
  securities: readonly SecurityFacts[];
  securityIndex: ReadonlyMap<string, number>;
}

/** "security AAPL", "sector Energy" or "tag tobacco": where a restriction applies. */
export function describeRestriction(restriction: Restriction): string {
  if ('security' in restriction) return `security ${restriction.security}`;
  if ('sector' in restriction) return `sector ${restriction.sector}`;
  return `tag ${restriction.tag}`;
}

/** The securities a restriction names: the one security, a sector's, or a tag's. */
export function restrictedSecurities(
  restriction: Restriction,
  securities: readonly SecurityFacts[],
  securityIndex: ReadonlyMap<string, number>,
): number[] {
  if ('security' in restriction) return [indexOfSecurity(securityIndex, restriction.security)];
  const matches: number[] = [];
  for (const s of securities) {
    const hit =
      'sector' in restriction ? s.sector === restriction.sector : s.tags.includes(restriction.tag);
    if (hit) matches.push(s.index);
  }
  return matches;
}

/**
 * The rules of one account. `noHold` implies `noBuy`. The reason kept for a never-buy is the
 * first that applies in the order restriction, substitution, wash sale: the standing rule
 * explains the block better than the passing one.
 */
export function accountRules(input: RuleInputs): AccountRules {
  const n = input.securities.length;
  const rules = { noBuy: new Uint8Array(n), noSell: new Uint8Array(n), noHold: new Uint8Array(n) };
  const sources: RuleSources = { noBuy: new Map(), noSell: new Map(), noHold: new Map() };
  const buyBlockReason = new Map<number, BlockReason>();
  const block = (i: number, reason: BlockReason) => {
    rules.noBuy[i] = 1;
    if (!buyBlockReason.has(i)) buyBlockReason.set(i, reason);
  };
  for (const restriction of input.restrictions) {
    const source = describeRestriction(restriction);
    for (const i of restrictedSecurities(restriction, input.securities, input.securityIndex)) {
      rules[restriction.rule][i] = 1;
      if (!sources[restriction.rule].has(i)) sources[restriction.rule].set(i, source);
      if (restriction.rule !== 'noSell') block(i, 'restriction');
    }
  }
  for (const { from } of input.substitutions) {
    block(indexOfSecurity(input.securityIndex, from), 'substitution');
  }
  for (const s of input.securities) {
    if (input.washBuyBlocked.has(s.washSet)) block(s.index, 'washSale');
  }
  return { rules, sources, buyBlockReason };
}
