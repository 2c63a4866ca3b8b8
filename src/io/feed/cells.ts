/**
 * Cell readers: each turns the trimmed text of one CSV cell into a typed value, or says what the
 * cell should hold instead. Empty cells are handled by the row reader (required or optional).
 */
import { describeInput } from '../describe-input.js';
import { didYouMean } from '../did-you-mean.js';
import { decimalExpectation, inRange, isDecimalText, type DecimalRange } from './decimal-text.js';

/** A cell's value, or a message saying what to change. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Reads one non-empty, trimmed cell. */
export type Cell<T> = (text: string) => CellResult<T>;

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const bad = (expectation: string, text: string, hint = ''): CellResult<never> => ({
  ok: false,
  message: `expected ${expectation}, found ${describeInput(text)}${hint}`,
});

/** Any text (names, advisors, notes). */
export const textCell: Cell<string> = ok;

/** An identifier: no line breaks. */
export const idCell: Cell<string> = (text) =>
  /[\r\n]/.test(text) ? bad('an id on one line', text) : ok(text);

/** An exact decimal in `range`, kept as its text. */
export function decimalCell(range: DecimalRange): Cell<string> {
  return (text) => {
    if (!isDecimalText(text)) {
      return bad(
        `${decimalExpectation(range)} written like 1234.56 (digits and an optional point; no thousands separators, currency signs or exponents)`,
        text,
      );
    }
    return inRange(text, range) ? ok(text) : bad(decimalExpectation(range), text);
  };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` that exists (2024-02-29 yes, 2023-02-29 no). */
export const dateCell: Cell<string> = (text) => {
  const m = DATE.exec(text);
  if (!m) return bad('a date as YYYY-MM-DD', text);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const real =
    date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  return real ? ok(text) : bad('a real calendar date', text, ' (no such day)');
};

/** One of `values`, with a did-you-mean for a near miss. */
export function enumCell<T extends string>(values: readonly T[]): Cell<T> {
  return (text) =>
    (values as readonly string[]).includes(text)
      ? ok(text as T)
      : bad(
          `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`,
          text,
          didYouMean(text, values),
        );
}

/** `true` or `false` (any case). */
export const booleanCell: Cell<boolean> = (text) => {
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === 'false') return ok(lower === 'true');
  return bad('true or false', text);
};

/** A `;`-separated list of labels, e.g. `esg;us`. */
export const tagsCell: Cell<string[]> = (text) =>
  ok(
    text
      .split(';')
      .map((t) => t.trim())
      .filter((t) => t !== ''),
  );
