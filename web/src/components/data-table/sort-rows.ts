/** Sorting and filtering of table rows, kept apart from rendering so both stay simple. */
import type { CellValue, Column } from './column';
import { formatCell } from './column';

/** A sort: which column and which way. */
export interface SortState {
  key: string;
  dir: 'asc' | 'desc';
}

const isBlank = (v: CellValue): boolean => v === null || v === undefined || v === '';

function compare(a: CellValue, b: CellValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true, sensitivity: 'base' });
}

/** Rows whose formatted or raw cells contain every word of `filter` (case-insensitive). */
export function filterRows<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  filter: string,
): T[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const text = columns
      .map((c) => {
        const v = c.value(row);
        return `${String(v ?? '')} ${formatCell(v, c.format)}`;
      })
      .join(' ')
      .toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** Rows sorted by `sort` (stable: ties keep their order). */
export function sortRows<T>(rows: T[], columns: readonly Column<T>[], sort: SortState | null): T[] {
  const column = sort && columns.find((c) => c.key === sort.key);
  if (!sort || !column) return rows;
  const sign = sort.dir === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, v: column.value(row) }))
    .sort((x, y) => {
      // Blanks sort last either way round, so they never crowd the top of a sorted list.
      const bx = isBlank(x.v);
      const by = isBlank(y.v);
      if (bx || by) return bx === by ? x.i - y.i : bx ? 1 : -1;
      return sign * compare(x.v, y.v) || x.i - y.i;
    })
    .map((x) => x.row);
}

/** The next sort after clicking `key`: ascending, then descending, then the other column. */
export function nextSort(current: SortState | null, key: string, numeric: boolean): SortState {
  if (current?.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  // Numbers are most often read largest first.
  return { key, dir: numeric ? 'desc' : 'asc' };
}
