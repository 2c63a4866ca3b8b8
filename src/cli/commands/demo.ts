/**
 * `tailor demo`: write a realistic demo firm (built from the shipped data, deterministic by
 * seed) into an empty store, so `tailor run` has a book to rebalance.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { progressBar } from '../progress-bar.js';
import { refreshedText } from '../refreshed-text.js';

interface DemoCliOptions {
  accounts: string;
  seed: string;
  fresh?: boolean;
}

/** A whole-number option in [min, max], or a usage error naming it. */
export function wholeNumberOption(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max)
    throw new CliError(`--${name} must be a whole number from ${min} to ${max}; got "${value}"`, 2);
  return n;
}

const MAX_ACCOUNTS = 100_000;

async function runDemo(o: DemoCliOptions): Promise<void> {
  const started = performance.now();
  const accounts = wholeNumberOption('accounts', o.accounts, 1, MAX_ACCOUNTS);
  const seed = wholeNumberOption('seed', o.seed, 0, 2 ** 32 - 1);
  const [
    { openStore, refreshBookFigures, rowsOf, tailorHome, writeFirm },
    demo,
    { sql },
    { householdDriftBefore },
  ] = await Promise.all([
    import('../../store/index.js'),
    import('../../demo/index.js'),
    import('drizzle-orm'),
    import('../../rebalance/index.js'),
  ]);
  const url = process.env.DATABASE_URL;
  const server = url !== undefined && url !== '';
  const note = (text: string): void => {
    if (process.stderr.isTTY) process.stderr.write(`${text}\n`);
  };
  if (o.fresh && !server) {
    note(`deleting ${join(tailorHome(), 'db')} (--fresh) …`);
    rmSync(join(tailorHome(), 'db'), { recursive: true, force: true });
  }
  note('opening the store …');
  const store = await openStore();
  try {
    const result = await store.db.execute(sql`
      SELECT (SELECT count(*) FROM households)::int AS households,
             (SELECT count(*) FROM securities)::int AS securities,
             (SELECT count(*) FROM models)::int AS models`);
    const [held] = rowsOf<{ households: number; securities: number; models: number }>(result);
    if (held && (held.households > 0 || held.securities > 0 || held.models > 0)) {
      const what = `${held.households} households, ${held.securities} securities, ${held.models} model versions`;
      throw new CliError(
        server
          ? `the PostgreSQL store at ${store.location} is not empty (${what}); tailor demo never ` +
              'deletes data on a server: point DATABASE_URL at an empty database'
          : `the store at ${store.location} is not empty (${what}); run tailor demo --fresh to ` +
              'delete it and write the demo firm instead',
      );
    }
    const bar = progressBar('accounts');
    const firm = demo.buildDemoFirm({
      accounts,
      seed,
      onProgress: (done, total) => bar.update(done, total, 'building'),
    });
    bar.done();
    note(`writing ${firm.data.lots?.length ?? 0} lots and the rest to ${store.location} …`);
    await writeFirm(store.db, firm.data, 'demo');
    // The book overview's figures now, rather than at the dashboard's first look.
    note('computing the book figures …');
    const figuresStarted = performance.now();
    const refreshed = await refreshBookFigures(store.db, householdDriftBefore);
    note(refreshedText(refreshed, performance.now() - figuresStarted));
    const summary = demo.summarizeDemo(firm.data, firm.asOf);
    process.stdout.write(
      `${demo.demoSummaryText(summary, performance.now() - started, store.location)}\n`,
    );
  } finally {
    await store.close();
  }
}

/** Adds `demo` to the program. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .summary('write a realistic demo firm into an empty store')
    .description(
      [
        'Builds a wealth-management firm from the data shipped in data/ (S&P 500 stocks and',
        'ETFs with real daily closes): ETF, direct-index and model-of-models accounts in',
        'households of taxable, IRA and Roth accounts, lots bought on real dates at real prices,',
        'and a realistic mix of customizations. The same --seed gives the same firm. Writes it',
        'into the store (embedded in $TAILOR_HOME, or DATABASE_URL), which must be empty.',
      ].join(' '),
    )
    .option('--accounts <n>', 'number of accounts', '200')
    .option('--seed <s>', 'seed of every random draw', '1')
    .option(
      '--fresh',
      'delete the embedded store ($TAILOR_HOME/db) first (never deletes on a DATABASE_URL server)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  tailor demo && tailor run\n  tailor demo --fresh --accounts 1000 --seed 7\n',
    )
    .action(runDemo);
}
