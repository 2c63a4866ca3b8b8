/**
 * The lots one part of a sell relieves. A proposal names the lots each sell relieves (specific
 * identification); when its order fills in parts, each part relieves the next shares of that list
 * in the proposal's order, after the shares earlier parts relieved. So the fills together relieve
 * exactly the lots the proposal named, whatever the parts.
 */
import type { LotPick } from '../domain/index.js';
import { exact, type Exact } from '../tax/index.js';

/**
 * The picks for `part` shares after `done` shares of `picks` were relieved; undefined when the
 * proposal named no lots (the ledger then relieves first in, first out). Throws when the picks
 * hold fewer than done + part shares: an allocation's quantity is its picks' sum, so that is a
 * bug.
 */
export function pickSlice(
  picks: readonly LotPick[] | undefined,
  done: Exact,
  part: Exact,
): LotPick[] | undefined {
  if (picks === undefined) return undefined;
  const out: LotPick[] = [];
  let skip = done;
  let want = part;
  for (const p of picks) {
    if (!want.greaterThan(0)) break;
    let q = exact(p.quantity);
    if (skip.greaterThan(0)) {
      const skipped = skip.lessThan(q) ? skip : q;
      skip = skip.minus(skipped);
      q = q.minus(skipped);
    }
    if (!q.greaterThan(0)) continue;
    const take = want.lessThan(q) ? want : q;
    out.push({ lot: p.lot, quantity: take.toNumber() });
    want = want.minus(take);
  }
  if (want.greaterThan(0))
    throw new Error('pickSlice: the proposal named fewer shares than the fills relieve', {
      cause: { picks, done: done.toFixed(), part: part.toFixed() },
    });
  return out;
}
