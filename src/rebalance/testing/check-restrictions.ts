/**
 * Restrictions and substitutions (spec §1 settings, Definitions: Substitutions), which never give
 * way: no buy of a `noBuy`/`noHold` security or of a substitution's `from`, no sell of a `noSell`
 * security, and no `noHold` security left after the trades unless the account is in error.
 */
import type { Check } from './check-context.js';
import { holdingsAfter } from './check-context.js';
import { fmt, Findings } from './violation.js';

/** Checks every account's trades against its restrictions and substitutions. */
export const checkRestrictions: Check = ({ pairs }) => {
  const f = new Findings();
  for (const pair of pairs) {
    const { id, restrictions, substitutedFrom } = pair.facts;
    for (const trade of pair.proposal.trades) {
      const s = trade.security;
      if (trade.side === 'buy') {
        f.expect(!restrictions.noBuy.has(s), id, 'restriction.noBuy', () => `buys noBuy ${s}`);
        f.expect(!restrictions.noHold.has(s), id, 'restriction.noHold', () => `buys noHold ${s}`);
        f.expect(!substitutedFrom.has(s), id, 'substitution.from', () => {
          return `buys ${s}, which a substitution replaces`;
        });
      } else {
        f.expect(!restrictions.noSell.has(s), id, 'restriction.noSell', () => `sells noSell ${s}`);
      }
    }
    if (!pair.facts.tradable || pair.proposal.status === 'error') continue;
    const after = holdingsAfter(pair);
    for (const s of restrictions.noHold) {
      const left = after.get(s) ?? 0;
      f.expect(left <= 1e-9, id, 'restriction.noHoldLeft', () => {
        return `still holds ${fmt(left)} of noHold ${s} after the trades`;
      });
    }
  }
  return f.list;
};
