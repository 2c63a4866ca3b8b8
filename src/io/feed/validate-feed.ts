/**
 * The feed validator: every file parsed, every row checked on its own, then duplicate keys,
 * whole models and references across the feed and the store. Nothing is written here.
 */
import { didYouMean } from '../did-you-mean.js';
import { isBad, type ReadFile } from './any-table.js';
import { checkReferences } from './cross-references.js';
import { checkDuplicateKeys } from './duplicate-keys.js';
import type { FeedData, FeedModel, KnownIds } from './feed-data.js';
import { byFileAndLine, type FeedProblem, type FeedSkip } from './feed-problem.js';
import { householdsTable, accountsTable } from './household-tables.js';
import { lotsTable, transactionsTable } from './holding-tables.js';
import { pricesTable, securitiesTable } from './market-tables.js';
import { checkModels } from './model-checks.js';
import { modelsTable, type ModelRow } from './model-table.js';
import { readTable, type Table } from './read-table.js';
import { settingsTable } from './settings-table.js';
import type { TableSpec } from './table-spec.js';

/** One file of the feed directory. */
export interface FeedFile {
  name: string;
  text: string;
}

/** The feed files, in the order they are checked and written. */
export const FEED_FILES = [
  'securities.csv',
  'prices.csv',
  'models.csv',
  'households.csv',
  'accounts.csv',
  'lots.csv',
  'transactions.csv',
  'settings.csv',
] as const;

/** What validation found: the good rows, every problem, and the good rows skipped with them. */
export interface FeedValidation {
  /** The rows that may be written: neither bad nor depending on a bad row. */
  data: FeedData;
  /** Every problem, by file (feed order) and line. */
  problems: FeedProblem[];
  /** Good rows left out because they depend on a bad one, by file and line. */
  skipped: FeedSkip[];
  /** Data rows read per file present (header excluded). */
  rows: Partial<Record<(typeof FEED_FILES)[number], number>>;
}

/**
 * Validates the files of a feed directory against each other and the ids in the store.
 *
 * @example
 * const v = validateFeed([{ name: 'prices.csv', text }], await loadKnownIds(db));
 * if (v.problems.length > 0) console.error(v.problems.map(formatFeedProblem).join('\n'));
 */
export function validateFeed(files: readonly FeedFile[], known: KnownIds): FeedValidation {
  const problems: FeedProblem[] = [];
  const texts = new Map<string, string>();
  for (const f of files) {
    if ((FEED_FILES as readonly string[]).includes(f.name)) texts.set(f.name, f.text);
    else
      problems.push({
        file: f.name,
        line: 1,
        message: `not a feed file${didYouMean(f.name, FEED_FILES)}: the feed files are ${FEED_FILES.join(', ')}`,
      });
  }
  const read = <T>(spec: TableSpec<T>): ReadFile<T> => {
    const text = texts.get(spec.file);
    const table: Table<T> =
      text === undefined ? { rows: [], fileProblems: [] } : readTable(spec, text);
    return { spec, table };
  };
  const securities = read(securitiesTable);
  const prices = read(pricesTable);
  const models = read(modelsTable);
  const households = read(householdsTable);
  const accounts = read(accountsTable);
  const lots = read(lotsTable);
  const transactions = read(transactionsTable);
  const settings = read(settingsTable);
  const all = [securities, prices, models, households, accounts, lots, transactions, settings];
  const untyped = all as unknown as ReadFile[];
  untyped.forEach(checkDuplicateKeys);
  checkModels(models.table.rows);
  const skipped = checkReferences(untyped, known);
  const skippedRows = new Set(skipped.map((s) => `${s.file}:${s.line}`));
  for (const { table } of untyped) {
    problems.push(...table.fileProblems);
    for (const row of table.rows) problems.push(...row.reader.problems);
  }
  const good = <T>({ table }: ReadFile<T>): T[] =>
    table.rows
      .filter((r) => !isBad(r) && !skippedRows.has(`${r.file}:${r.line}`))
      .map((r) => r.value!);
  const order = byFileAndLine<FeedProblem>(FEED_FILES);
  return {
    data: {
      securities: good(securities),
      prices: good(prices),
      models: groupModels(good(models)),
      households: good(households),
      accounts: good(accounts),
      lots: good(lots),
      transactions: good(transactions),
      settings: good(settings),
    },
    problems: problems.sort(order),
    skipped: skipped.sort(byFileAndLine<FeedSkip>(FEED_FILES)),
    rows: Object.fromEntries(
      all.filter((f) => texts.has(f.spec.file)).map((f) => [f.spec.file, f.table.rows.length]),
    ),
  };
}

/** Model rows (in file order) into models. */
function groupModels(rows: readonly ModelRow[]): FeedModel[] {
  const models = new Map<string, FeedModel>();
  for (const row of rows) {
    const model = models.get(row.modelId) ?? { id: row.modelId, name: '', targets: [] };
    if (model.name === '') model.name = row.name;
    model.targets.push(row.target);
    models.set(row.modelId, model);
  }
  return [...models.values()];
}
