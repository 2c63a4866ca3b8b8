/**
 * Exact decimal money and share arithmetic on scaled integers, for the figures the rounding and
 * repair steps re-evaluate many times (trade values, cash after trading, realized sums, V).
 *
 * A JSON number enters exactly as `exact()` reads it — its shortest round-trip text — written as
 * an integer count of 10^-d units (d ≤ 9 decimals, fewer than 15 significant digits, so that text
 * is the unique decimal of that double). Sums and products of such integers below 2^53 are exact
 * in float64, so every result here equals the decimal.js result digit for digit; any figure
 * outside that range (more decimals, more digits, a larger product) is computed in exact decimals
 * (src/tax) instead. This is the one explicit conversion between the optimizer's floats and the
 * ledger's exact decimals on the proposal side: nothing here rounds except where a figure is
 * rounded to the cent, half away from zero, as the spec says.
 */
import { cents, exact, roundCents, type Exact } from '../../tax/index.js';

/** Most decimals read exactly as scaled integers. */
const MAX_DIGITS = 9;
/** Below 10^15 a decimal's digits are those of its shortest round-trip text. */
const MAX_UNITS = 1e15;
const POW10 = Array.from({ length: 23 }, (_, d) => Number(`1e${d}`));

/** The fewest decimals d with x = m × 10^-d exactly (|m| < 10^15), or −1. */
export function decimalsOf(x: number): number {
  if (Number.isInteger(x)) return Math.abs(x) < MAX_UNITS ? 0 : -1;
  for (let d = 1; d <= MAX_DIGITS; d++) {
    const p = POW10[d]!;
    const m = Math.round(x * p);
    if (Math.abs(m) >= MAX_UNITS) return -1;
    if (m / p === x) return d;
  }
  return -1;
}

/**
 * `units` × 10^-`scale` rounded to whole cents, half away from zero (the integer count of cents;
 * `units` a safe integer).
 */
function roundToCents(units: number, scale: number): number {
  if (scale <= 2) return units * POW10[2 - scale]!;
  const unit = POW10[scale - 2]!;
  const rest = units % unit;
  const whole = (units - rest) / unit;
  return 2 * Math.abs(rest) >= unit ? whole + Math.sign(units) : whole;
}

/** A count of cents as a JSON number (never −0). */
function fromCents(c: number): number {
  return c === 0 ? 0 : c / 100;
}

/**
 * quantity × price rounded once to the cent, half away from zero, as an integer count of cents
 * (the value of a trade; spec Definitions, "Money").
 */
export function tradeCents(quantity: number, price: number): number {
  const dq = decimalsOf(quantity);
  const dp = decimalsOf(price);
  if (dq >= 0 && dp >= 0) {
    const units = Math.round(quantity * POW10[dq]!) * Math.round(price * POW10[dp]!);
    const c = Math.abs(units) <= Number.MAX_SAFE_INTEGER ? roundToCents(units, dq + dp) : NaN;
    if (Math.abs(c) <= Number.MAX_SAFE_INTEGER) return c + 0; // never −0
  }
  return (
    roundCents(exact(quantity).times(exact(price)))
      .times(100)
      .toNumber() + 0
  );
}

/**
 * A running exact sum of decimal amounts and products. It stays on scaled integers while they are
 * safe and moves to exact decimals (src/tax) for good the first time they are not.
 */
export class ExactSum {
  private units = 0;
  private scale = 0;
  private slow: Exact | null = null;

  /** A sum starting at `x`. */
  static of(x: number): ExactSum {
    return new ExactSum().add(x);
  }

  /** Adds x (read as `exact(x)`). */
  add(x: number): this {
    if (x === 0) return this;
    if (this.slow === null) {
      const d = decimalsOf(x);
      if (d >= 0 && this.addUnits(Math.round(x * POW10[d]!), d)) return this;
      this.toSlow();
    }
    this.slow = this.slow!.plus(exact(x));
    return this;
  }

  /** Subtracts x. */
  minus(x: number): this {
    return this.add(-x);
  }

  /** Adds q × p exactly (unrounded). */
  addProduct(q: number, p: number): this {
    if (q === 0 || p === 0) return this;
    if (this.slow === null) {
      const dq = decimalsOf(q);
      const dp = decimalsOf(p);
      if (dq >= 0 && dp >= 0) {
        const units = Math.round(q * POW10[dq]!) * Math.round(p * POW10[dp]!);
        if (Math.abs(units) <= Number.MAX_SAFE_INTEGER && this.addUnits(units, dq + dp)) {
          return this;
        }
      }
      this.toSlow();
    }
    this.slow = this.slow!.plus(exact(q).times(exact(p)));
    return this;
  }

  /** Adds a whole count of cents. */
  addCents(c: number): this {
    if (c === 0) return this;
    if (this.slow === null) {
      if (Number.isSafeInteger(c) && this.addUnits(c, 2)) return this;
      this.toSlow();
    }
    this.slow = this.slow!.plus(exact(c).div(100));
    return this;
  }

  /** Adds another sum. */
  addSum(other: ExactSum): this {
    if (this.slow === null && other.slow === null && this.addUnits(other.units, other.scale)) {
      return this;
    }
    this.toSlow();
    this.slow = this.slow!.plus(other.toExact());
    return this;
  }

  /** −sum, as a new sum. */
  negated(): ExactSum {
    const out = new ExactSum();
    out.units = this.units === 0 ? 0 : -this.units;
    out.scale = this.scale;
    out.slow = this.slow === null ? null : this.slow.negated();
    return out;
  }

  /** The sum as a whole count of cents when it has at most two decimals, else NaN. */
  wholeCents(): number {
    if (this.slow !== null || this.scale > 2) return Number.NaN;
    const c = this.units * POW10[2 - this.scale]!;
    return Number.isSafeInteger(c) ? c : Number.NaN;
  }

  /** A copy. */
  clone(): ExactSum {
    const out = new ExactSum();
    out.units = this.units;
    out.scale = this.scale;
    out.slow = this.slow;
    return out;
  }

  /** The sum as the nearest float (as `Exact.toNumber()`). */
  toNumber(): number {
    if (this.slow !== null) return this.slow.toNumber();
    return this.units === 0 ? 0 : this.units / POW10[this.scale]!;
  }

  /** The sum rounded once to the cent, half away from zero (as `cents()` of src/tax). */
  cents(): number {
    if (this.slow !== null) return cents(this.slow);
    if (this.scale <= 2) return this.toNumber();
    return fromCents(roundToCents(this.units, this.scale));
  }

  /** The sum as an exact decimal. */
  toExact(): Exact {
    if (this.slow !== null) return this.slow;
    return this.scale === 0 ? exact(this.units) : exact(this.units).div(POW10[this.scale]!);
  }

  /** Adds `units` × 10^-`scale`; false (nothing changed) when the result would not be safe. */
  private addUnits(units: number, scale: number): boolean {
    let mine = this.units;
    let theirs = units;
    if (scale > this.scale) {
      mine *= POW10[scale - this.scale]!;
      if (Math.abs(mine) > Number.MAX_SAFE_INTEGER) return false;
    } else if (scale < this.scale) {
      theirs *= POW10[this.scale - scale]!;
      if (Math.abs(theirs) > Number.MAX_SAFE_INTEGER) return false;
    }
    const total = mine + theirs;
    if (Math.abs(total) > Number.MAX_SAFE_INTEGER) return false;
    this.units = total;
    this.scale = Math.max(scale, this.scale);
    return true;
  }

  private toSlow(): void {
    if (this.slow === null) this.slow = this.toExact();
  }
}

/** A count of cents as a JSON number of the currency. */
export function centsToNumber(c: number): number {
  return fromCents(c);
}

/**
 * Σ of share quantities in exact decimals, as a float (each quantity read as `exact()` reads it).
 */
export function exactShareSum(a: number, b: number): number {
  if (b === 0) return a + 0;
  if (a === 0) return b + 0;
  const da = decimalsOf(a);
  const db = decimalsOf(b);
  if (da >= 0 && db >= 0) {
    const d = Math.max(da, db);
    const ua = Math.round(a * POW10[da]!) * POW10[d - da]!;
    const ub = Math.round(b * POW10[db]!) * POW10[d - db]!;
    const total = ua + ub;
    const safe = Number.MAX_SAFE_INTEGER;
    if (Math.abs(ua) <= safe && Math.abs(ub) <= safe && Math.abs(total) <= safe) {
      return total === 0 ? 0 : total / POW10[d]!;
    }
  }
  return exact(a).plus(exact(b)).toNumber();
}
