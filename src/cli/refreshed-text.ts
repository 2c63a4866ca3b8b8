/** One line on what a refresh of the book's figures (the dashboard's overview) did. */
import type { Refreshed } from '../store/index.js';

/** E.g. "book figures recomputed for 3 households in 0.04 s". */
export function refreshedText(r: Refreshed, ms: number): string {
  if (r.scope === 'none') return 'book figures up to date';
  if (r.scope === 'busy') return 'book figures: another process is recomputing them';
  const what =
    r.scope === 'book'
      ? 'the whole book'
      : `${r.households} household${r.households === 1 ? '' : 's'}`;
  return `book figures recomputed for ${what} in ${(ms / 1000).toFixed(2)} s`;
}
