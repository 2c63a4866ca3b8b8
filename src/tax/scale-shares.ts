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
import { groupBy } from '../domain/index.js';
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
 * `k` millionths shared one each among the entries of `exactShares` with the largest remainders
 * over `floors` (the earlier entry on a tie), as offsets in millionths per entry.
 */
function largestRemainders(exactShares: readonly Exact[], floors: readonly Exact[], k: number) {
  const extra = exactShares.map(() => 0);
  const byRemainder = exactShares
    .map((x, i) => ({ i, remainder: x.minus(floors[i]!).toDecimalPlaces(REMAINDER_DECIMALS) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.i - b.i);
  for (let j = 0; j < k; j++) extra[byRemainder[j]!.i]! += 1;
  return extra;
}

/** How many millionths `total` exceeds the sum of `parts` by. */
const millionthsShort = (total: Exact, parts: readonly Exact[]): number =>
  total.minus(sum(parts)).div(MILLIONTH).round().toNumber();

/**
 * The quantities of one position's lots (in buy order) times `newShares ÷ oldShares`, on the
 * 6-decimal grid, adding up to the position's quantity times the ratio rounded to 6 decimals (half
 * up). Division comes last, so a ratio like 1/14 is exact wherever the result terminates.
 *
 * `purchases` names each lot's purchase (`purchaseName` of its id): the parts a wash sale split
 * one purchase into share their purchase's allotment, so a purchase whose scaled total is on the
 * grid keeps it exactly — 67.89 shares in parts of 8.694333 and 59.195667 are 101.835 after a
 * 3-for-2 split, as the broker shows them, where sharing the millionths among all the lots at once
 * could give one of them to another purchase and leave this one 101.834999 (a sale of all of it
 * then refused). The purchases share the position by largest remainders, then each purchase's
 * parts share its allotment the same way; with one lot per purchase that is the sharing above.
 */
export function scaleShares(
  quantities: readonly Exact[],
  newShares: Exact,
  oldShares: Exact,
  purchases?: readonly string[],
): Exact[] {
  const scale = (q: Exact): Exact => q.times(newShares).div(oldShares);
  const exactShares = quantities.map(scale);
  const out = exactShares.map((x) => x.toDecimalPlaces(6, Decimal.ROUND_DOWN));
  const total = roundShares(scale(sum(quantities)));
  // Each purchase's lots, in the order of its first lot.
  const members = [
    ...groupBy(
      quantities.map((_, i) => i),
      (i) => purchases?.[i] ?? String(i),
    ).values(),
  ];
  const groupShares = members.map((m) => sum(m.map((i) => exactShares[i]!)));
  const groupFloors = groupShares.map((x) => x.toDecimalPlaces(6, Decimal.ROUND_DOWN));
  const groupExtra = largestRemainders(
    groupShares,
    groupFloors,
    Math.max(0, millionthsShort(total, groupFloors)),
  );
  members.forEach((m, g) => {
    const allotment = groupFloors[g]!.plus(MILLIONTH.times(groupExtra[g]!));
    const floors = m.map((i) => out[i]!);
    const short = millionthsShort(allotment, floors);
    if (short <= 0) return;
    const extra = largestRemainders(
      m.map((i) => exactShares[i]!),
      floors,
      short,
    );
    m.forEach((i, k) => (out[i] = out[i]!.plus(MILLIONTH.times(extra[k]!))));
  });
  return out;
}
