/**
 * What the feed validator reports: a problem in a row (or a whole file), and a row skipped only
 * because a row it depends on was bad.
 */

/** A problem at `file:line`, in `column` when one cell is to blame. */
export interface FeedProblem {
  /** The file name within the feed directory, e.g. `accounts.csv`. */
  file: string;
  /** 1-based line the row starts on (1: the header or the file as a whole). */
  line: number;
  column?: string;
  /** What is wrong and what to change. */
  message: string;
}

/** A good row left out because it depends on a bad one (with `--skip-bad`). */
export interface FeedSkip {
  file: string;
  line: number;
  /** e.g. `depends on skipped accounts.csv line 7`. */
  reason: string;
}

/** `accounts.csv:7: tax_status: expected …` (the column part only when there is one). */
export function formatFeedProblem(p: FeedProblem): string {
  return `${p.file}:${p.line}: ${p.column === undefined ? '' : `${p.column}: `}${p.message}`;
}

/** `lots.csv:4: skipped: depends on skipped accounts.csv line 7`. */
export function formatFeedSkip(s: FeedSkip): string {
  return `${s.file}:${s.line}: skipped: ${s.reason}`;
}

/** Orders problems or skips by file (in feed order), then line. */
export function byFileAndLine<T extends { file: string; line: number }>(
  order: readonly string[],
): (a: T, b: T) => number {
  const rank = (file: string): number => {
    const i = order.indexOf(file);
    return i < 0 ? order.length : i;
  };
  return (a, b) => rank(a.file) - rank(b.file) || a.file.localeCompare(b.file) || a.line - b.line;
}
