/**
 * Scaling the lots of one position by a corporate action's ratio, to the ledger's 6 decimals.
 *
 * Rounding each lot on its own does not conserve the position: the parts a wash sale splits a
 * purchase into (0.333333 + 0.333333 + 0.333334 shares) each lose a fraction of a millionth in a
 * 1-for-10 reverse split, and the account held 0.099999 shares where its broker shows 0.1, so a
 * sale of the whole position was refused. Here the position is rounded once,
 * T = round₆(Σ qᵢ·f), and the lots share it by largest remainders: each gets ⌊qᵢ·f⌋₆, and the
 * millionths still missing, k = (T − Σ⌊qᵢ·f⌋₆)·10⁶ ≤ n, go one each to the k lots with the largest
 * remainders (the earlier lot on a tie). Every lot stays within a millionth of its exact share.
 */
import { Decimal } from 'decimal.js';
import { Exact, roundShares, sum } from './exact.js';

/** One millionth of a share: the ledger's quantity grid after a split. */
const MILLIONTH = new Exact('0.000001');

/**
 * Decimals a remainder is compared at. Each exact share is q·new ÷ old to 50 significant digits,
 * so two remainders equal in exact arithmetic can differ far below this; real differences are
 * far above it. Ties then go by buy order, not by rounding noise.
 */
const REMAINDER_DECIMALS = 30;

/**
 * The quantities of one position's lots (in buy order) times `newShares ÷ oldShares`, on the
 * 6-decimal grid, adding up to the position's quantity times the ratio rounded to 6 decimals (half
 * up). Division comes last, so a ratio like 1/14 is exact wherever the result terminates.
 */
export function scaleShares(
  quantities: readonly Exact[],
  newShares: Exact,
  oldShares: Exact,
): Exact[] {
  const scale = (q: Exact): Exact => q.times(newShares).div(oldShares);
  const exactShares = quantities.map(scale);
  const out = exactShares.map((x) => x.toDecimalPlaces(6, Decimal.ROUND_DOWN));
  const total = roundShares(scale(sum(quantities)));
  const missing = total.minus(sum(out)).div(MILLIONTH).round().toNumber();
  if (missing <= 0) return out;
  const byRemainder = exactShares
    .map((x, i) => ({ i, remainder: x.minus(out[i]!).toDecimalPlaces(REMAINDER_DECIMALS) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.i - b.i);
  for (let k = 0; k < missing; k++) {
    const { i } = byRemainder[k]!;
    out[i] = out[i]!.plus(MILLIONTH);
  }
  return out;
}
