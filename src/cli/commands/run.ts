/**
 * `tailor run`: rebalance a selection of the book from the store and write one proposal per
 * household (in this process on every core, or spread over `tailor worker` processes).
 */
import type { Command } from 'commander';
import type { RunReport, Selection, Trigger } from '../../batch/index.js';
import { CliError } from '../cli-error.js';
import { progressBar } from '../progress-bar.js';
import { runReportText } from './run-report.js';

interface RunCliOptions {
  household?: string[];
  model?: string;
  advisor?: string;
  trigger?: string;
  asOf?: string;
  threads?: string;
  resume?: string | boolean;
  distributed?: boolean;
  json?: boolean;
  customizationCosts?: boolean;
  as: string;
}

const TRIGGERS: Trigger[] = ['drift', 'cash', 'settings', 'model', 'harvest'];

/** The selection the options ask for (at most one kind). */
export function selectionOf(o: RunCliOptions): Selection {
  const given = [
    o.household && 'household',
    o.model && 'model',
    o.advisor && 'advisor',
    o.trigger && 'trigger',
  ].filter(Boolean);
  if (given.length > 1) throw new CliError(`choose one selection, not ${given.join(' and ')}`, 2);
  if (o.household) return { kind: 'households', households: o.household };
  if (o.model) return { kind: 'model', model: o.model };
  if (o.advisor) return { kind: 'advisor', advisor: o.advisor };
  if (o.trigger) {
    if (!TRIGGERS.includes(o.trigger as Trigger))
      throw new CliError(`--trigger must be one of ${TRIGGERS.join(', ')}; got "${o.trigger}"`, 2);
    return { kind: 'trigger', trigger: o.trigger as Trigger };
  }
  return { kind: 'all' };
}

function threadsOf(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new CliError(`--threads must be a whole number ≥ 0; got "${value}"`, 2);
  return n;
}

async function run(o: RunCliOptions): Promise<void> {
  const selection = selectionOf(o);
  const [{ openStore }, batch] = await Promise.all([
    import('../../store/index.js'),
    import('../../batch/index.js'),
  ]);
  const store = await openStore();
  const bar = progressBar('households');
  try {
    let resume: string | undefined;
    if (o.resume === true) {
      const { unfinishedRuns } = await import('../../store/index.js');
      const [latest] = await unfinishedRuns(store.db);
      if (!latest) throw new CliError('no unfinished run to resume');
      resume = latest.id;
    } else if (typeof o.resume === 'string') resume = o.resume;
    if (resume === undefined) {
      const problem = await batch.checkSelection(store.db, selection);
      if (problem) throw new CliError(problem.message, 2);
    }
    const common = {
      selection,
      ...(o.asOf ? { asOf: o.asOf } : {}),
      ...(resume ? { resume } : {}),
      actor: o.as,
      ...(o.customizationCosts ? { customizationCosts: true } : {}),
      onProgress: (p: { done: number; total: number; gated: number; errors: number }) =>
        bar.update(p.done, p.total, `${p.gated} gated, ${p.errors} errors`),
    };
    let report: RunReport;
    if (o.distributed) {
      const { distributedExecutor } = await import('../../batch/queue/index.js');
      const url = process.env.REDIS_URL;
      if (!url)
        throw new CliError(
          '--distributed needs REDIS_URL (e.g. redis://127.0.0.1:6379) and `tailor worker` processes',
        );
      const queue = await distributedExecutor(url);
      try {
        report = await batch.runBook(store.db, {
          ...common,
          threads: 0,
          execute: queue.execute,
          chunkSize: 256,
        });
      } finally {
        await queue.close();
      }
    } else {
      report = await batch.runBook(store.db, {
        ...common,
        threads: threadsOf(o.threads, batch.defaultThreads()),
      });
    }
    bar.done();
    process.stdout.write(
      o.json ? `${JSON.stringify(report, null, 2)}\n` : `${runReportText(report)}\n`,
    );
  } catch (error) {
    if (error instanceof RangeError) throw new CliError(error.message, 1, { cause: error });
    throw error;
  } finally {
    await store.close();
  }
}

/** Adds `run` to the program. */
export function registerRun(program: Command): void {
  program
    .command('run')
    .summary('rebalance a selection of the book and write one proposal per household')
    .description(
      [
        'Selects households from the store (all by default), builds each one’s request as of the',
        'run date (default: the latest price date), gates households whose data cannot be trusted',
        '(stale or missing price, unknown security or model, a lot that does not reconcile), and',
        'rebalances the rest on every core. Each household’s proposal is written exactly once, so',
        'a run interrupted by a crash continues with --resume.',
      ].join(' '),
    )
    .option('--household <ids...>', 'only these households')
    .option(
      '--model <id>',
      'households with an account on this model (or on a model containing it)',
    )
    .option('--advisor <name>', "only this advisor's households")
    .option('--trigger <kind>', `households that need a look: ${TRIGGERS.join(', ')}`)
    .option('--as-of <date>', 'run date YYYY-MM-DD (default: the latest price date in the store)')
    .option('--threads <n>', 'worker threads (default: one per core; 0: this thread only)')
    .option('--resume [run]', 'continue an unfinished run (default: the latest one)')
    .option(
      '--distributed',
      'spread the run over `tailor worker` processes through Redis (REDIS_URL)',
    )
    .option('--json', 'print a machine-readable summary')
    .option(
      '--customization-costs',
      'also price every customization (re-solves each household once per customization; slower)',
    )
    .option('--as <name>', 'who starts the run (audit log)', process.env.USER ?? 'tailor')
    .addHelpText(
      'after',
      '\nExamples:\n  tailor demo && tailor run\n  tailor run --trigger harvest --json\n',
    )
    .action(run);
}
