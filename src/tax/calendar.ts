/**
 * Calendar arithmetic on ISO dates, as whole days since 1970-01-01 (UTC), so that day counts
 * (wash-sale windows, holding-period tacking) are exact integers with no time zone in sight.
 */

/** Days since 1970-01-01. */
export type Day = number;

const MS_PER_DAY = 86_400_000;

/** `YYYY-MM-DD` to a day number. The date must already be valid (the edge checks it). */
export function toDay(iso: string): Day {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

/** A day number to `YYYY-MM-DD`. */
export function toIso(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The first anniversary of a holding-period start: the same month and day a year later, except
 * that a Feb 29 start has its anniversary on Feb 28.
 */
export function anniversary(start: Day): Day {
  const d = new Date(start * MS_PER_DAY);
  const year = d.getUTCFullYear() + 1;
  const month = d.getUTCMonth();
  const date = d.getUTCDate();
  const day = month === 1 && date === 29 ? 28 : date;
  return Math.round(Date.UTC(year, month, day) / MS_PER_DAY);
}

/** Long-term iff the sale is after the anniversary of the holding-period start (held > 1 year). */
export function isLongTerm(start: Day, sale: Day): boolean {
  return sale > anniversary(start);
}
