/**
 * Exact rationals over bigint, for the test oracle: no precision limit, so ties are true ties
 * (unlike 50-digit decimals, where 10/3 + 20/3 need not be 10 to the last digit).
 */

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** An exact fraction n/d, d > 0, in lowest terms. */
export class Rational {
  readonly n: bigint;
  readonly d: bigint;

  private constructor(n: bigint, d: bigint) {
    if (d === 0n) throw new Error('Rational: division by zero');
    const sign = d < 0n ? -1n : 1n;
    const g = gcd(n, d) || 1n;
    this.n = (sign * n) / g;
    this.d = (sign * d) / g;
  }

  static readonly ZERO = new Rational(0n, 1n);

  static int(value: number | bigint): Rational {
    return new Rational(BigInt(value), 1n);
  }

  /** A decimal number or decimal text (`12.5`, `-0.003`, `1e-7`) exactly. */
  static of(value: number | string): Rational {
    const text = typeof value === 'number' ? String(value) : value;
    const match = /^(-?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
    if (!match) throw new Error(`Rational.of: not a decimal: ${text}`);
    const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
    let n = BigInt(`${whole}${fraction}` || '0');
    let d = 10n ** BigInt(fraction.length);
    const e = Number(exponent);
    if (e >= 0) n *= 10n ** BigInt(e);
    else d *= 10n ** BigInt(-e);
    return new Rational(sign === '-' ? -n : n, d);
  }

  plus(o: Rational): Rational {
    return new Rational(this.n * o.d + o.n * this.d, this.d * o.d);
  }

  minus(o: Rational): Rational {
    return new Rational(this.n * o.d - o.n * this.d, this.d * o.d);
  }

  times(o: Rational): Rational {
    return new Rational(this.n * o.n, this.d * o.d);
  }

  div(o: Rational): Rational {
    return new Rational(this.n * o.d, this.d * o.n);
  }

  cmp(o: Rational): number {
    const l = this.n * o.d;
    const r = o.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  isZero(): boolean {
    return this.n === 0n;
  }

  isNegative(): boolean {
    return this.n < 0n;
  }

  isPositive(): boolean {
    return this.n > 0n;
  }

  abs(): Rational {
    return this.n < 0n ? new Rational(-this.n, this.d) : this;
  }

  toString(): string {
    return this.d === 1n ? `${this.n}` : `${this.n}/${this.d}`;
  }
}
