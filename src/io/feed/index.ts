/**
 * The nightly feed (docs/import.md): CSV files in a directory, validated row by row and across
 * files and the store before anything is written.
 *
 * @example
 * const v = validateFeed(await readFeedDirectory('feed/'), await loadKnownIds(db));
 * for (const p of v.problems) console.error(formatFeedProblem(p));
 */
export { parseCsv, type CsvRecord } from './csv.js';
export type {
  FeedAccount,
  FeedData,
  FeedHousehold,
  FeedLot,
  FeedModel,
  FeedPrice,
  FeedSecurity,
  FeedSettings,
  FeedTransaction,
  FeedTransactionType,
  KnownIds,
} from './feed-data.js';
export {
  formatFeedProblem,
  formatFeedSkip,
  type FeedProblem,
  type FeedSkip,
} from './feed-problem.js';
export { readFeedDirectory } from './read-feed-dir.js';
export { FEED_FILES, validateFeed, type FeedFile, type FeedValidation } from './validate-feed.js';
