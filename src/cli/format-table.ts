/**
 * Plain-text tables for people: columns sized to their contents, numbers right-aligned.
 */

/** A column: its heading and whether its cells are numbers (right-aligned). */
export interface Column {
  heading: string;
  numeric?: boolean;
}

/** Renders rows under headings, two spaces between columns. */
export function formatTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
): string {
  const widths = columns.map((c, i) =>
    Math.max(c.heading.length, ...rows.map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (columns[i]?.numeric ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(columns.map((c) => c.heading)), rule, ...rows.map(line)].join('\n');
}

const money = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const quantity = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** Money as `1,234.56` (negative as `-1,234.56`). */
export function formatMoney(value: number): string {
  return money.format(value);
}

/** A share quantity with up to 6 decimals. */
export function formatQuantity(value: number): string {
  return quantity.format(value);
}

/** A fraction as a percentage with 2 decimals: `0.0123` → `1.23%`. */
export function formatPercent(fraction: number): string {
  return `${money.format(fraction * 100)}%`;
}
