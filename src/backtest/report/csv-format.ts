/**
 * RFC 4180 CSV text: CRLF line ends, fields quoted when they hold a comma, a quote or a line
 * break, quotes doubled inside quoted fields.
 */

/** A cell: text as given, a number at full precision, nothing for a missing value. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * A number as the shortest text that reads back to the same double (`0.30000000000000004`),
 * with no thousands separators. NaN and infinities become an empty field, as spreadsheets and
 * pandas read an empty field as missing.
 */
export function csvNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

/** One field, quoted only when RFC 4180 requires it. */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'number' ? csvNumber(cell) : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, without its line end. */
export function csvRow(cells: readonly CsvCell[]): string {
  return cells.map(csvField).join(',');
}

/** A whole file: the header, then each record, every line ended by CRLF. */
export function csvDocument(header: readonly string[], rows: readonly CsvCell[][]): string {
  return [header, ...rows].map((r) => `${csvRow(r)}\r\n`).join('');
}
