/**
 * Exact decimals as text: money, quantities and rates stay strings from the CSV cell to the
 * `numeric` column; checks compare them with decimal.js, never through a float.
 */
import { Decimal } from 'decimal.js';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** The ranges a decimal cell may be restricted to. */
export type DecimalRange = 'any' | 'positive' | 'nonNegative' | 'nonPositive' | 'fraction';

const RANGE_TEXT: Record<DecimalRange, string> = {
  any: 'a decimal number',
  positive: 'a decimal number greater than 0',
  nonNegative: 'a decimal number at least 0',
  nonPositive: 'a decimal number at most 0 (a loss)',
  fraction: 'a decimal fraction from 0 to 1 (0.05 is 5%)',
};

/** What a decimal cell of `range` must hold, for messages. */
export function decimalExpectation(range: DecimalRange): string {
  return RANGE_TEXT[range];
}

/** True for `123`, `-4.50`, `0.000001`; false for `1e3`, `1,000`, `.5`, `+1`, `$5`. */
export function isDecimalText(text: string): boolean {
  return DECIMAL.test(text);
}

/** True when the decimal text `text` lies in `range`. */
export function inRange(text: string, range: DecimalRange): boolean {
  const d = new Decimal(text);
  switch (range) {
    case 'any':
      return true;
    case 'positive':
      return d.gt(0);
    case 'nonNegative':
      return d.gte(0);
    case 'nonPositive':
      return d.lte(0);
    case 'fraction':
      return d.gte(0) && d.lte(1);
  }
}

/** The exact sum of decimal texts, as text (e.g. for a model's weights). */
export function sumDecimals(texts: readonly string[]): string {
  return texts.reduce((acc, t) => acc.plus(t), new Decimal(0)).toFixed();
}

/** Compares two decimal texts exactly: -1, 0 or 1. */
export function compareDecimals(a: string, b: string): number {
  return new Decimal(a).cmp(b);
}
