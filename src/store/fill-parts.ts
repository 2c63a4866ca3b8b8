/**
 * The filled shares of a partly filled block order shared among its allocations — what a cancel
 * of the rest books to each account, and what the exports leave out of each: each gets its
 * pro-rata part in the steps it trades in — multiples of the security's `lotSize` where its own
 * shares are such a multiple (a round-lot account keeps trading round lots), else whole shares
 * where its own shares are whole (an account that trades whole shares keeps doing so), else the
 * millionth share (the ledger's grid). The rounding is Hamilton's (largest remainder): every
 * part is its quota rounded down to its step, and the shares left over go one step at a time to
 * the parts closest to their next step. The odd shares round lots cannot take (a broker fills
 * odd lots) go to as few whole-share parts as possible, furthest below their quota first, so
 * the others stay in round lots; what whole shares cannot take goes to the parts on the fine
 * grid, pro rata to what each can still take.
 *
 * The arithmetic is on integers (millionths of a share as bigint), so the parts add up to the
 * fill exactly and no rounding of a quotient can tip a tie.
 */
import { exact, type Exact } from '../tax/index.js';

/** Millionths of a share in one share: the grid of quantities the ledger books. */
const MICROS_PER_SHARE = 1_000_000n;

/** A quantity in millionths of a share, or undefined when it is off that grid. */
function microsOf(quantity: Exact): bigint | undefined {
  const scaled = quantity.times(1_000_000);
  return scaled.isInteger() ? BigInt(scaled.toFixed(0)) : undefined;
}

const minBig = (a: bigint, b: bigint): bigint => (a < b ? a : b);

const sharesOf = (micros: bigint): Exact => exact(micros.toString()).dividedBy(1_000_000);

/** Each allocation's part of the fill, in allocation order; or why the fill cannot be shared. */
export type FillParts = { ok: true; parts: Exact[] } | { ok: false; why: string };

/**
 * Shares `fill` among allocations that still need `remaining` shares each (in their order; an
 * allocation already complete needs 0). The parts add up to `fill` exactly, none exceeds its
 * allocation's remaining shares, whole-share allocations get whole shares, allocations in
 * multiples of `lotSize` (the security's, when a whole number of shares above one) get such
 * multiples whenever the fill leaves them to share, and a fill of all that remains gives every
 * allocation exactly its remaining shares.
 *
 * Refused (a value, not a throw) when `fill` is not above 0, more than what remains, off the
 * millionth grid, or — only possible when it is fractional — cannot be made of whole shares
 * because every allocation that could take the fraction trades whole shares.
 */
export function fillParts(remaining: readonly Exact[], fill: Exact, lotSize?: Exact): FillParts {
  const need = remaining.map(microsOf);
  const f = microsOf(fill);
  if (f === undefined)
    return { ok: false, why: `quantity ${fill.toFixed()} has more than 6 decimals` };
  if (f <= 0n) return { ok: false, why: `quantity must be above 0; got ${fill.toFixed()}` };
  if (need.some((n) => n === undefined || n < 0n))
    throw new Error('fillParts: remaining shares off the millionth grid or negative', {
      cause: remaining.map((r) => r.toFixed()),
    });
  const r = need as bigint[];
  const total = r.reduce((s, n) => s + n, 0n);
  if (f > total)
    return {
      ok: false,
      why: `quantity ${fill.toFixed()} is more than the ${sharesOf(total).toFixed()} shares the order still needs`,
    };
  if (f === total) return { ok: true, parts: r.map(sharesOf) };

  const lot = lotSize === undefined ? undefined : microsOf(lotSize);
  const whole = r.map((n) => n % MICROS_PER_SHARE === 0n);
  const inLots = (n: bigint): boolean =>
    lot !== undefined && lot > MICROS_PER_SHARE && lot % MICROS_PER_SHARE === 0n && n % lot === 0n;
  const step = r.map((n, i) => (inLots(n) ? lot! : whole[i] ? MICROS_PER_SHARE : 1n));
  const { part, left: afterLots } = hamilton(r, step, f);
  let left = afterLots;
  if (left >= MICROS_PER_SHARE && step.some((s) => s > MICROS_PER_SHARE)) {
    // The odd shares round lots could not take (a broker fills odd lots) go in whole shares to
    // as few accounts as possible, so the others stay in round lots: first to the whole
    // allocation furthest below its quota, as much as it can take, then the next.
    const shortfall = r.map((n, i) => n * f - part[i]! * total);
    const order = r
      .map((_, i) => i)
      .filter((i) => whole[i])
      .sort((a, b) =>
        shortfall[b]! > shortfall[a]! ? 1 : shortfall[b]! < shortfall[a]! ? -1 : a - b,
      );
    for (const i of order) {
      const take = minBig(r[i]! - part[i]!, (left / MICROS_PER_SHARE) * MICROS_PER_SHARE);
      part[i]! += take;
      left -= take;
    }
  }
  if (left > 0n) {
    // What whole shares could not take goes to the allocations on the fine grid, pro rata to
    // what each can still take (so no one of them absorbs it all).
    const fine = r.flatMap((_, i) => (step[i] === 1n ? [i] : []));
    const room = fine.map((i) => r[i]! - part[i]!);
    if (room.reduce((s, n) => s + n, 0n) < left)
      return {
        ok: false,
        why:
          `quantity ${fill.toFixed()} cannot be shared in whole shares: ` +
          `fill a whole number of shares, or the whole rest of the order`,
      };
    const extra = hamilton(
      room,
      room.map(() => 1n),
      left,
    );
    if (extra.left !== 0n)
      throw new Error('fillParts: unit steps left shares over', { cause: { left, room } });
    for (const [k, i] of fine.entries()) part[i]! += extra.part[k]!;
  }
  return { ok: true, parts: part.map(sharesOf) };
}

/**
 * Largest-remainder rounding of `f` shared pro rata to `weights`, each part a multiple of its
 * `step` and at most its weight: quota_i = w_i·f/Σw, part_i = ⌊quota_i/step_i⌋·step_i, then one
 * more step to each part in order of closeness to its next step (quota's remainder / step),
 * while a whole step is left. `left` is what no part could take (0 whenever every step is 1,
 * or every step, f and weight are multiples of one share).
 */
function hamilton(
  weights: readonly bigint[],
  steps: readonly bigint[],
  f: bigint,
): { part: bigint[]; left: bigint } {
  const total = weights.reduce((s, n) => s + n, 0n);
  if (total === 0n) return { part: weights.map(() => 0n), left: f };
  const part = weights.map((w, i) => ((w * f) / (total * steps[i]!)) * steps[i]!);
  // The quota's remainder, scaled by total so that it stays an integer.
  const rest = weights.map((w, i) => w * f - part[i]! * total);
  let left = f - part.reduce((s, p) => s + p, 0n);
  const order = weights
    .map((_, i) => i)
    .sort((a, b) => {
      const lhs = rest[b]! * steps[a]!;
      const rhs = rest[a]! * steps[b]!;
      return lhs > rhs ? 1 : lhs < rhs ? -1 : a - b;
    });
  for (const i of order) {
    if (left < steps[i]! || rest[i]! === 0n || part[i]! + steps[i]! > weights[i]!) continue;
    part[i]! += steps[i]!;
    left -= steps[i]!;
  }
  return { part, left };
}
