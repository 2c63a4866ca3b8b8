/** How a {@link DataTable} column reads, formats, sorts and filters its cells. */
import type { ReactNode } from 'react';
import * as f from '../../format/format';

/** The built-in cell formats; all but `text` are right-aligned numbers or dates. */
export type CellFormat =
  'text' | 'money' | 'price' | 'percent' | 'count' | 'quantity' | 'date' | 'dateTime';

/** A raw cell value: what sorting and filtering look at. */
export type CellValue = string | number | boolean | null | undefined;

/** One column. */
export interface Column<T> {
  key: string;
  header: string;
  /** The raw value, for sorting, filtering and the default rendering. */
  value: (row: T) => CellValue;
  format?: CellFormat;
  /** Custom content; the raw value still sorts and filters. */
  render?: (row: T) => ReactNode;
  /** Default: right for number formats, left for text. */
  align?: 'left' | 'right';
  sortable?: boolean;
  /** Tooltip of the header (what the column means). */
  title?: string;
  /** Long text: wraps instead of widening the table. */
  wrap?: boolean;
}

/** The class of the column's cells. */
export function cellClass<T>(c: Column<T>): string | undefined {
  const names = [isNumeric(c) ? 'num' : '', c.wrap ? 'wrap' : ''].filter(Boolean);
  return names.length ? names.join(' ') : undefined;
}

const NUMERIC: ReadonlySet<CellFormat> = new Set([
  'money',
  'price',
  'percent',
  'count',
  'quantity',
]);

/** True if the column holds numbers (right-aligned, sorted numerically). */
export function isNumeric<T>(c: Column<T>): boolean {
  return c.align === 'right' || NUMERIC.has(c.format ?? 'text');
}

/** The cell's text under the column's format. */
export function formatCell(value: CellValue, format: CellFormat = 'text'): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (format === 'date' || format === 'dateTime') {
    const s = String(value);
    return format === 'date' ? f.date(s) : f.dateTime(s);
  }
  if (format === 'text') return String(value);
  const n = typeof value === 'number' ? value : Number(value);
  switch (format) {
    case 'money':
      return f.money(n);
    case 'price':
      return f.price(n);
    case 'percent':
      return f.percent(n);
    case 'count':
      return f.count(n);
    case 'quantity':
      return f.quantity(n);
  }
}
