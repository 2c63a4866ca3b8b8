/**
 * Number and date formatting for every table, card and chart, so that money, percentages and
 * dates read the same everywhere: `$1,234,567`, `4.12%`, `2025-03-14`.
 */

const money0 = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const money2 = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

const DASH = '—';

function finite(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** Whole dollars: `$1,234,567` (a minus sign, not parentheses, for negatives). */
export function money(x: number | null | undefined): string {
  return finite(x) ? money0.format(Math.round(x) === 0 ? 0 : x) : DASH;
}

/** Dollars and cents, for prices: `$123.45`. */
export function price(x: number | null | undefined): string {
  return finite(x) ? money2.format(x) : DASH;
}

/** Short money for chart axes and cards: `$1.2M`. */
export function moneyCompact(x: number | null | undefined): string {
  return finite(x) ? `${x < 0 ? '-' : ''}$${compact.format(Math.abs(x))}` : DASH;
}

/** A fraction as a percentage: `0.0412` → `4.12%`. */
export function percent(x: number | null | undefined, digits = 2): string {
  if (!finite(x)) return DASH;
  const text = (x * 100).toFixed(digits);
  // A tiny negative rounds to "-0.00"; it reads as zero.
  return `${Number(text) === 0 ? (0).toFixed(digits) : text}%`;
}

/** A count: `12,345`. */
export function count(x: number | null | undefined): string {
  return finite(x) ? integer.format(x) : DASH;
}

/** Shares and other quantities with up to four decimals. */
export function quantity(x: number | string | null | undefined): string {
  const n = typeof x === 'string' ? Number(x) : x;
  return finite(n) ? decimal.format(n) : DASH;
}

/** A calendar date: ISO strings and timestamps both become `YYYY-MM-DD`. */
export function date(x: string | null | undefined): string {
  if (!x) return DASH;
  return /^\d{4}-\d{2}-\d{2}/.test(x) ? x.slice(0, 10) : x;
}

/** A timestamp in the reader's time zone: `2025-03-14 09:30`. */
export function dateTime(x: string | null | undefined): string {
  if (!x) return DASH;
  const d = new Date(x);
  if (Number.isNaN(d.getTime())) return x;
  const pad = (n: number): string => `${n}`.padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Today as `YYYY-MM-DD` in the reader's time zone (default fill date). */
export function today(): string {
  const d = new Date();
  const pad = (n: number): string => `${n}`.padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A long generated id (a run's UUID) cut to its first eight characters for tables. */
export function shortId(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(id) ? id.slice(0, 8) : id;
}

/** A count with its noun, singular for one: `counted(1, 'booking')` is "1 booking". */
export function counted(n: number, noun: string): string {
  return `${count(n)} ${noun}${n === 1 ? '' : 's'}`;
}
