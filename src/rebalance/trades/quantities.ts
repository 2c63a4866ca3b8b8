/**
 * Share quantities and trade values. The optimizer works in float64 values; a proposal is in
 * tradable increments: whole multiples of a security's `lotSize`, or — in a fractional account —
 * millionths of a share (the ledger's six decimals). Multiples are formed in exact decimals so
 * that 3 × 0.1 is 0.3, not 0.30000000000000004, and every value is quantity × price rounded once
 * to the cent (spec Definitions, "Money").
 */
import { exact, roundCents, type Exact } from '../../tax/index.js';
import type { AccountContext, HouseholdContext } from '../context/index.js';
import { decimalsOf, ExactSum, exactShareSum } from './money.js';

/** The smallest quantity a fractional account trades: one millionth of a share. */
export const FRACTIONAL_STEP = 1e-6;

/** Float noise tolerated when comparing share quantities, relative to the step. */
const STEP_EPS = 1e-9;

/**
 * Float noise of a count of steps k = q / step, in steps: STEP_EPS, or 10⁻¹⁴ · k for large
 * counts. The quotient of two clean decimals is off by at most about 3 · 2⁻⁵³ · k, which passes
 * STEP_EPS from k ≈ 10⁷ on — 10 shares in a fractional account (21.388273 / 10⁻⁶ is
 * 21388273.000000004) — where an absolute tolerance rounded the count the wrong way.
 */
function stepNoise(k: number): number {
  return Math.max(STEP_EPS, Math.abs(k) * 1e-14);
}

/** The tradable increment of security `i` in `account`: its lotSize, or 1e-6 when fractional. */
export function stepOf(ctx: HouseholdContext, account: AccountContext, i: number): number {
  return account.settings.allowFractional ? FRACTIONAL_STEP : ctx.securities[i]!.lotSize;
}

/** k × step as a clean number (k whole): the exact decimal product, as a float. */
export function multiple(k: number, step: number): number {
  const d = decimalsOf(step);
  if (d >= 0 && Number.isInteger(k)) {
    const scale = 10 ** d;
    const units = Math.round(step * scale) * k;
    if (Math.abs(units) <= Number.MAX_SAFE_INTEGER) return units / scale;
  }
  return exact(step).times(k).toNumber();
}

/** The multiple of `step` nearest to q (q ≥ 0). */
export function roundToStep(q: number, step: number): number {
  return multiple(Math.round(q / step), step);
}

/** The number of whole steps in q (q ≥ 0): q / step rounded down, within float noise. */
export function wholeSteps(q: number, step: number): number {
  const k = q / step;
  return Math.floor(k + stepNoise(k));
}

/** The largest multiple of `step` at most q (q ≥ 0). */
export function floorToStep(q: number, step: number): number {
  return multiple(wholeSteps(q, step), step);
}

/** The largest multiple of `step` strictly below q (q > 0): one step less than q. */
export function stepBelow(q: number, step: number): number {
  const k = q / step;
  return multiple(Math.max(0, Math.ceil(k - stepNoise(k)) - 1), step);
}

/** True when q is a whole multiple of `step` (within float noise). */
export function isMultiple(q: number, step: number): boolean {
  const k = q / step;
  return Math.abs(k - Math.round(k)) <= stepNoise(k);
}

/** a + b in exact decimals. */
export function plusShares(a: number, b: number): number {
  return exactShareSum(a, b);
}

/** a − b in exact decimals. */
export function minusShares(a: number, b: number): number {
  return exactShareSum(a, -b);
}

/** Σ of quantities in exact decimals. */
export function sumShares(quantities: Iterable<number>): number {
  const total = new ExactSum();
  for (const q of quantities) total.add(q);
  return total.toNumber();
}

/** True when a and b are the same quantity up to float noise. */
export function sameShares(a: number, b: number): boolean {
  return Math.abs(a - b) <= STEP_EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A trade's value: quantity × price rounded once to the cent, half away from zero. */
export function tradeValue(quantity: number, price: number): Exact {
  return roundCents(exact(quantity).times(exact(price)));
}
