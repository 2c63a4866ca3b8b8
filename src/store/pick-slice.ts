/**
 * The lots a sell of fewer shares than its proposal named relieves: the first shares of the
 * named lots, in the proposal's order. An order filled whole relieves all of them; one whose
 * rest was cancelled relieves the lots at the head of the list.
 */
import type { LotPick } from '../domain/index.js';
import { exact, type Exact } from '../tax/index.js';

/**
 * The picks for the first `shares` shares of `picks`; undefined when the proposal named no lots
 * (the ledger then relieves first in, first out). Throws when the picks hold fewer shares: an
 * allocation's quantity is its picks' sum, so that is a bug.
 */
export function picksFor(
  picks: readonly LotPick[] | undefined,
  shares: Exact,
): LotPick[] | undefined {
  if (picks === undefined) return undefined;
  const out: LotPick[] = [];
  let want = shares;
  for (const p of picks) {
    if (!want.greaterThan(0)) break;
    const q = exact(p.quantity);
    const take = want.lessThan(q) ? want : q;
    out.push({ lot: p.lot, quantity: take.toNumber() });
    want = want.minus(take);
  }
  if (want.greaterThan(0))
    throw new Error('picksFor: the proposal named fewer shares than the fill relieves', {
      cause: { picks, shares: shares.toFixed() },
    });
  return out;
}
