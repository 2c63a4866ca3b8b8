/** Minimal RFC 4180 CSV reading and writing for the data scripts. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** Parses CSV text into rows of fields; quoted fields may hold commas, quotes and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Reads a `.csv` or `.csv.gz` file into a header and records keyed by column name. */
export function readCsvFile(path: string): { header: string[]; rows: string[][] } {
  const bytes = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  const [header, ...rows] = parseCsv(text);
  if (header === undefined) throw new Error(`${path}: empty CSV`);
  return { header, rows };
}

/** Reads a CSV file as one object per row, keyed by column name. */
export function readCsvRecords(path: string): Record<string, string>[] {
  const { header, rows } = readCsvFile(path);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

function quote(field: string): string {
  return /[",\n\r]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** Renders rows as CSV text with `\n` line ends, quoting only where needed. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quote).join(',')).join('\n') + '\n';
}
