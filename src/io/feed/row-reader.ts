/**
 * Reads the cells of one CSV row by column name, collecting a problem for every cell that is
 * missing or malformed, so one pass reports them all.
 */
import type { Cell } from './cells.js';
import type { FeedProblem } from './feed-problem.js';

/** The cells of one row, by column name, and the problems found so far. */
export class RowReader {
  readonly problems: FeedProblem[] = [];

  constructor(
    readonly file: string,
    readonly line: number,
    private readonly cells: ReadonlyMap<string, string>,
  ) {}

  /** The trimmed text of `column` ('' when empty or absent). */
  raw(column: string): string {
    return (this.cells.get(column) ?? '').trim();
  }

  /** The value of a cell that must not be empty. */
  required<T>(column: string, cell: Cell<T>): T | undefined {
    const text = this.raw(column);
    if (text === '') {
      this.problem(column, 'required, but the cell is empty: fill it in');
      return undefined;
    }
    return this.read(column, cell, text);
  }

  /** The value of a cell that may be empty (then `undefined`). */
  optional<T>(column: string, cell: Cell<T>): T | undefined {
    const text = this.raw(column);
    return text === '' ? undefined : this.read(column, cell, text);
  }

  /** Records a problem with `column`. */
  problem(column: string | undefined, message: string): void {
    this.problems.push({
      file: this.file,
      line: this.line,
      ...(column === undefined ? {} : { column }),
      message,
    });
  }

  private read<T>(column: string, cell: Cell<T>, text: string): T | undefined {
    const result = cell(text);
    if (result.ok) return result.value;
    this.problem(column, result.message);
    return undefined;
  }
}
