/**
 * `tailor proposals`: one line per household of a run — status, trades, estimated tax, and
 * what gave way or why it was not traded — for review before `tailor approve`.
 */
import type { Command } from 'commander';
import type { ProposalLine } from '../../store/index.js';

type ProposalStatus = ProposalLine['status'];
import { CliError } from '../cli-error.js';
import { formatMoney, formatTable } from '../format-table.js';
import { withStore } from './lifecycle-store.js';

interface ProposalsOptions {
  run?: string;
  status?: string;
  json?: boolean;
}

/** Proposals as a table for people. */
export function proposalsTable(lines: readonly ProposalLine[]): string {
  return formatTable(
    [
      { heading: 'proposal' },
      { heading: 'household' },
      { heading: 'status' },
      { heading: 'trades', numeric: true },
      { heading: 'est. tax', numeric: true },
      { heading: 'notes' },
    ],
    lines.map((p) => [
      p.id,
      p.householdId,
      p.status,
      String(p.trades),
      formatMoney(p.estimatedTax),
      p.relaxed.length > 0 ? `gave way: ${p.relaxed.join('; ')}` : (p.reason?.split('\n')[0] ?? ''),
    ]),
  );
}

async function listCommand(o: ProposalsOptions): Promise<void> {
  const store = await import('../../store/index.js');
  if (o.status !== undefined && !store.PROPOSAL_STATUSES.includes(o.status as ProposalStatus))
    throw new CliError(
      `--status must be one of ${store.PROPOSAL_STATUSES.join(', ')}; got "${o.status}"`,
      2,
    );
  const lines = await withStore(async (db) => {
    const runId = o.run === 'all' ? undefined : (o.run ?? (await store.latestRunId(db)));
    if (o.run === undefined && runId === undefined) return [];
    return store.listProposals(db, {
      ...(runId !== undefined ? { runId } : {}),
      ...(o.status !== undefined ? { status: o.status as ProposalStatus } : {}),
    });
  });
  if (o.json) process.stdout.write(`${JSON.stringify(lines, null, 2)}\n`);
  else if (lines.length === 0)
    process.stdout.write('no proposals (tailor run writes them; --run all lists every run)\n');
  else process.stdout.write(`${proposalsTable(lines)}\n`);
}

/** Adds `proposals` to the program. */
export function registerProposals(program: Command): void {
  program
    .command('proposals')
    .summary('list proposals: status, trades, estimated tax, what gave way')
    .description(
      'Lists the proposals of a run (default: the latest run; --run all for every run), one ' +
        'line per household, to review before tailor approve.',
    )
    .option('--run <id>', 'the run (default: the latest; "all": every run)')
    .option('--status <status>', 'only proposals in this status (proposed, approved, ordered, …)')
    .option('--json', 'print the list as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  tailor proposals\n  tailor proposals --run all --status approved --json\n',
    )
    .action(listCommand);
}
