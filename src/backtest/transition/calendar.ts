/** Calendar years on ISO dates, for the yearly steps of a transition plan. */

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * `date` (YYYY-MM-DD) moved by `years` calendar years; Feb 29 lands on Feb 28 in a common year
 * (as the spec dates a Feb 29 anniversary).
 *
 * @example
 * addYears('2024-02-29', 1); // '2025-02-28'
 */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const day = m === 2 && d === 29 && !isLeap(year) ? 28 : d;
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(m, 2)}-${pad(day, 2)}`;
}
