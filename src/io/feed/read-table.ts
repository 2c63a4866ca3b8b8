/**
 * One feed file from text to rows: the header checked against the file's columns, then every
 * row read into its value (or its problems).
 */
import { didYouMean } from '../did-you-mean.js';
import { parseCsv } from './csv.js';
import type { FeedProblem } from './feed-problem.js';
import { RowReader } from './row-reader.js';
import type { TableSpec } from './table-spec.js';

/** A row of a feed file after reading: its value when every cell is good. */
export interface TableRow<T> {
  file: string;
  line: number;
  reader: RowReader;
  value: T | undefined;
}

/** The rows of a file and the problems of the file as a whole (its header). */
export interface Table<T> {
  rows: TableRow<T>[];
  /** Header problems: every row of the file is then left out. */
  fileProblems: FeedProblem[];
}

/** Reads `text` as the feed file `spec` describes. */
export function readTable<T>(spec: TableSpec<T>, text: string): Table<T> {
  const [header, ...records] = parseCsv(text);
  const file = spec.file;
  if (header === undefined) {
    const message = `the file is empty: it needs a header row (${spec.columns.map((c) => c.name).join(',')})`;
    return { rows: [], fileProblems: [{ file, line: 1, message }] };
  }
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const known = spec.columns.map((c) => c.name);
  const fileProblems: FeedProblem[] = [];
  const at = (message: string, column?: string): void => {
    fileProblems.push({ file, line: header.line, ...(column ? { column } : {}), message });
  };
  if (header.problem !== undefined) at(header.problem);
  names.forEach((name, i) => {
    if (!known.includes(name)) {
      at(
        `unknown column ${JSON.stringify(name)}${didYouMean(name, known)}; the columns of ${file} are ${known.join(', ')}`,
        name,
      );
    } else if (names.indexOf(name) !== i) at(`the column appears twice in the header`, name);
  });
  for (const column of spec.columns) {
    if (column.required && !names.includes(column.name))
      at(`missing required column: add "${column.name}" to the header`, column.name);
  }
  const rows = records.map((record): TableRow<T> => {
    const cells = new Map<string, string>();
    names.forEach((name, i) => {
      if (!cells.has(name)) cells.set(name, record.cells[i] ?? '');
    });
    const reader = new RowReader(file, record.line, cells);
    const row = { file, line: record.line, reader };
    if (fileProblems.length > 0) return { ...row, value: undefined };
    if (record.problem !== undefined) {
      reader.problem(undefined, record.problem);
      return { ...row, value: undefined };
    }
    if (record.cells.length !== names.length) {
      const n = record.cells.length;
      reader.problem(
        undefined,
        `the row has ${n} cell${n === 1 ? '' : 's'} but the header has ${names.length} columns: ` +
          (n > names.length
            ? 'put quotes around any cell that contains a comma'
            : 'add the missing cells (an optional cell may be empty)'),
      );
    }
    const value = spec.read(reader);
    return { ...row, value: reader.problems.length === 0 ? value : undefined };
  });
  return { rows, fileProblems };
}
