/**
 * Calendar arithmetic on ISO dates, as whole days since 1970-01-01 (UTC), so that day counts
 * (wash-sale windows, holding-period tacking) are exact integers with no time zone in sight.
 */

/** Days since 1970-01-01. */
export type Day = number;

const MS_PER_DAY = 86_400_000;

// A history spans a few thousand distinct days, each converted many times: memoize (bounded,
// since a cache that outgrows any real history is simply cleared).
const CACHE_LIMIT = 100_000;
const dayOf = new Map<string, Day>();
const isoOf = new Map<Day, string>();
const anniversaryOf = new Map<Day, Day>();

function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** `YYYY-MM-DD` to a day number. The date must already be valid (the edge checks it). */
export function toDay(iso: string): Day {
  return (
    dayOf.get(iso) ?? remember(dayOf, iso, Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY))
  );
}

/** A day number to `YYYY-MM-DD`. */
export function toIso(day: Day): string {
  return (
    isoOf.get(day) ?? remember(isoOf, day, new Date(day * MS_PER_DAY).toISOString().slice(0, 10))
  );
}

/**
 * The first anniversary of a holding-period start: the same month and day a year later, except
 * that a Feb 29 start has its anniversary on Feb 28.
 */
export function anniversary(start: Day): Day {
  const known = anniversaryOf.get(start);
  if (known !== undefined) return known;
  const d = new Date(start * MS_PER_DAY);
  const year = d.getUTCFullYear() + 1;
  const month = d.getUTCMonth();
  const date = d.getUTCDate();
  const day = month === 1 && date === 29 ? 28 : date;
  return remember(anniversaryOf, start, Math.round(Date.UTC(year, month, day) / MS_PER_DAY));
}

/** Long-term iff the sale is after the anniversary of the holding-period start (held > 1 year). */
export function isLongTerm(start: Day, sale: Day): boolean {
  return sale > anniversary(start);
}
