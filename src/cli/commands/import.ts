/**
 * `tailor import DIR`: the nightly feed (docs/import.md) — CSV files validated in full against
 * each other and the store, then written in one transaction, or not at all.
 */
import type { Command } from 'commander';
import {
  formatFeedProblem,
  formatFeedSkip,
  readFeedDirectory,
  validateFeed,
  type FeedValidation,
} from '../../io/index.js';
import type { FeedCounts } from '../../store/index.js';
import { CliError } from '../cli-error.js';
import { refreshedText } from '../refreshed-text.js';

interface ImportOptions {
  skipBad?: boolean;
  dryRun?: boolean;
  as: string;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The problems (and, with --skip-bad, the rows skipped with them) as report lines. */
export function feedReport(v: FeedValidation, skipBad: boolean): string {
  // Concatenated, not push(...): a feed can skip more rows than a call takes arguments.
  const lines = skipBad
    ? v.problems.map(formatFeedProblem).concat(v.skipped.map(formatFeedSkip))
    : v.problems.map(formatFeedProblem);
  return lines.join('\n');
}

/** The per-kind counts of a written feed, one line each. */
export function countsText(counts: FeedCounts): string {
  return Object.entries(counts)
    .map(([kind, c]) => {
      const removed = c.removed ? `, ${c.removed} removed` : '';
      return `  ${kind.padEnd(13)} ${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged${removed}`;
    })
    .join('\n');
}

async function runImport(dir: string, o: ImportOptions): Promise<void> {
  const started = performance.now();
  const files = await readFeedDirectory(dir).catch((cause: unknown) => {
    throw new CliError(`cannot read the feed directory ${dir}: ${(cause as Error).message}`, 1, {
      cause,
    });
  });
  if (files.length === 0) throw new CliError(`${dir} holds no .csv files: nothing to import`);
  const [{ loadKnownIds, openStore, refreshBookFigures, writeFeed }, { householdDriftBefore }] =
    await Promise.all([import('../../store/index.js'), import('../../rebalance/index.js')]);
  const store = await openStore();
  try {
    const v = validateFeed(files, await loadKnownIds(store.db));
    const rows = Object.values(v.rows).reduce((a, b) => a + b, 0);
    const read = `${dir}: ${plural(files.length, 'file')}, ${plural(rows, 'row')}`;
    const bad = v.problems.length > 0;
    if (bad && !o.skipBad) {
      throw new CliError(
        `${read}; ${plural(v.problems.length, 'problem')}, nothing ${o.dryRun ? 'would be ' : ''}imported` +
          ` (fix them, or use --skip-bad to import the good rows):\n${feedReport(v, false)}`,
      );
    }
    if (bad) {
      const skipped = v.skipped.length;
      console.error(
        `${plural(v.problems.length, 'problem')}; skipping the bad rows` +
          `${skipped > 0 ? ` and ${plural(skipped, 'row')} that depend on them` : ''}:\n${feedReport(v, true)}`,
      );
    }
    if (o.dryRun) {
      process.stdout.write(
        `${read}; ${bad ? 'the good rows are' : 'all valid,'} ready to import\n`,
      );
      process.stdout.write('dry run: nothing written\n');
      return;
    }
    const counts = await writeFeed(store.db, v.data, { actor: o.as, source: dir });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    process.stdout.write(`imported ${read} in ${seconds} s\n${countsText(counts)}\n`);
    // The book overview's figures, now rather than at the dashboard's next look.
    const figures = performance.now();
    const refreshed = await refreshBookFigures(store.db, householdDriftBefore);
    process.stdout.write(`${refreshedText(refreshed, performance.now() - figures)}\n`);
  } finally {
    await store.close();
  }
}

/** Adds `import` to the program. */
export function registerImport(program: Command): void {
  program
    .command('import')
    .summary('import a nightly feed of CSV files (validated in full first)')
    .description(
      [
        'Reads the CSV files of a feed directory (securities, prices, models, households,',
        'accounts, lots, transactions, settings; any subset), validates every row and every',
        'reference against the feed and the store, and writes the feed in one transaction:',
        'upserts, lots replaced per account, transactions appended once, models and settings',
        'versioned only when they change. Any problem: nothing is written, every problem is',
        'listed as file:line: column: message, exit code 1. See docs/import.md.',
      ].join(' '),
    )
    .argument('<dir>', 'the feed directory')
    .option('--skip-bad', 'import the good rows; skip bad rows and the rows that depend on them')
    .option('--dry-run', 'validate and report only; write nothing')
    .option('--as <name>', 'who imports the feed (audit log)', process.env.USER ?? 'tailor')
    .addHelpText(
      'after',
      '\nExamples:\n  tailor import examples/feed\n  tailor import examples/feed-bad --dry-run --skip-bad\n',
    )
    .action(runImport);
}
