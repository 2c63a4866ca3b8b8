/**
 * The shape of one feed file: its columns, how a row becomes a value, which id it defines and
 * which ids it refers to (checked across the feed and the store).
 */
import type { RowReader } from './row-reader.js';

/** The kinds of things a row can define or refer to. */
export type RefKind = 'security' | 'model' | 'household' | 'account';

/** A reference from a row's cell to an id defined elsewhere. */
export interface Ref {
  kind: RefKind;
  id: string;
  column: string;
}

/** A column of a feed file. */
export interface Column {
  name: string;
  /** The header must have it (its cells may still be optional; see `read`). */
  required: boolean;
}

/** One feed file. */
export interface TableSpec<T> {
  file: string;
  columns: readonly Column[];
  /** The row's value, or undefined when a cell is bad (the reader holds the problems). */
  read(row: RowReader): T | undefined;
  /** Rows with the same key are duplicates; `what` names the key in messages. */
  key?: { columns: readonly string[]; what: string };
  /** The id this row defines (a model is defined by all of its rows). */
  defines?: { kind: RefKind; column: string };
  /** Rows with the same value here stand or fall together (a model, an account's lots). */
  group?: { column: string; why: string };
  /** The ids the row refers to, read from its raw cells. */
  refs(row: RowReader): Ref[];
}

/** A reference read from a cell when the cell is not empty. */
export function refIn(row: RowReader, kind: RefKind, column: string): Ref[] {
  const id = row.raw(column);
  return id === '' ? [] : [{ kind, id, column }];
}
