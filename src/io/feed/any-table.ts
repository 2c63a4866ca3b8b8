/** A feed file read, with its spec, for the checks that look across rows and files. */
import type { Table, TableRow } from './read-table.js';
import type { TableSpec } from './table-spec.js';

/** A file's spec and its rows, whatever their value type. */
export interface ReadFile<T = unknown> {
  spec: TableSpec<T>;
  table: Table<T>;
}

/** True when a row will not be imported for a problem of its own or of its file's header. */
export function isBad(row: TableRow<unknown>): boolean {
  return row.value === undefined || row.reader.problems.length > 0;
}
