/**
 * Wash-sale matching across a split. Rule 2 matches replacement shares one for one, but a split
 * between a loss sale and a later purchase changes what one share is: after a 1-for-10 reverse
 * split, 10 new shares are the 100 sold, and matching them one for one disallowed a tenth of the
 * loss where all of it is washed; after a 2-for-1 split, 100 new shares are 50 sold, not 100. A
 * later purchase is therefore counted in sold-share units: each sold share is `newShares ÷
 * oldShares` of the purchase's shares, the product of the ratios of the splits of the purchased
 * company (its ticker and every name it had through ticker changes) replayed between the sale
 * and the purchase.
 */
import { exact, roundShares, ZERO, type Exact } from './exact.js';
import type { LedgerState } from './ledger-state.js';

const ONE = exact(1);

/** Shares of a later purchase per sold share. */
export interface ShareRatio {
  newShares: Exact;
  oldShares: Exact;
}

/**
 * The splits of `security`'s company replayed after position `saleSeq` and before `buySeq`, as one
 * ratio; null when there are none (the usual case).
 */
export function splitsBetween(
  state: LedgerState,
  security: string,
  saleSeq: number,
  buySeq: number,
): ShareRatio | null {
  const splits = state.splitsByCompany.get(state.companies.root(security));
  if (splits === undefined) return null;
  let newShares = ONE;
  let oldShares = ONE;
  let found = false;
  for (const split of splits) {
    if (split.seq <= saleSeq || split.seq >= buySeq) continue;
    newShares = newShares.times(split.newShares);
    oldShares = oldShares.times(split.oldShares);
    found = true;
  }
  return found ? { newShares, oldShares } : null;
}

/**
 * Matches `need` sold shares against `available` shares of a later purchase at `ratio`: the sold
 * shares matched and the purchase's shares that replace them. A purchase that covers the rest
 * (available × old ≥ need × new) gives need × new ÷ old shares, rounded to the ledger's 6
 * decimals; one that does not gives all of its shares, for available × old ÷ new sold shares.
 * Null when the replacing shares round to 0: nothing is matched. Without a split (`ratio`
 * null) this is min(available, need) whenever need is on the 6-decimal grid; after a purchase that
 * did not cover a converted need it is not (91 shares after a 3-for-1 split are 30.333… sold
 * shares), and the next purchase still takes a quantity on the grid.
 */
export function matchAcrossSplits(
  available: Exact,
  need: Exact,
  ratio: ShareRatio | null,
): { sold: Exact; bought: Exact } | null {
  if (ratio === null && need.decimalPlaces() <= 6) {
    const m = available.lessThan(need) ? available : need;
    return { sold: m, bought: m };
  }
  const { newShares, oldShares } = ratio ?? { newShares: ONE, oldShares: ONE };
  if (available.times(oldShares).lessThan(need.times(newShares))) {
    return { sold: available.times(oldShares).div(newShares), bought: available };
  }
  const bought = roundShares(need.times(newShares).div(oldShares));
  return bought.greaterThan(ZERO) ? { sold: need, bought } : null;
}
