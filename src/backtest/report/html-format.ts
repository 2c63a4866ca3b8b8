/**
 * Number formats for the report's tables, where a reader wants exact-looking figures
 * ("$1,234,567", "1.25%") rather than the compact chart labels.
 */

const USD = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Whole dollars with separators: `$1,234,567`, `-$1,200`. */
export function usd(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  // A tiny negative rounds to "-$0", which reads like a real loss.
  return Math.round(value) === 0 ? '$0' : USD.format(value);
}

/** A fraction as a percentage with `decimals` places: `0.0125` → `1.25%`. */
export function percent(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return 'n/a';
  const text = (value * 100).toFixed(decimals);
  // "-0.00%" for a tiny negative reads like a real loss.
  return `${Number(text) === 0 ? text.replace('-', '') : text}%`;
}

/** A fraction as a percentage with only the decimals it needs (settings: `0.05%`, `37%`). */
export function exactPercent(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return `${Number((value * 100).toPrecision(10))}%`;
}

/** A whole number with separators: `12,345`. */
export function count(value: number): string {
  return Number.isFinite(value) ? COUNT.format(value) : 'n/a';
}

/** "1 year", "3 years", "2.5 years". */
export function yearsText(years: number): string {
  const rounded = Math.round(years * 10) / 10;
  return `${rounded} ${rounded === 1 ? 'year' : 'years'}`;
}
