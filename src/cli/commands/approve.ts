/**
 * `tailor approve` and `tailor reject`: decide proposals by id, recording who, when and why.
 * An approval re-checks that the household's prices and holdings are unchanged since the run;
 * every refusal is printed with its reason, and any refusal makes the exit code 1.
 */
import type { Command } from 'commander';
import type { DecisionResult } from '../../store/index.js';
import { CliError } from '../cli-error.js';
import { withStore } from './lifecycle-store.js';

interface DecideOptions {
  as: string;
  note?: string;
}

/** Prints each result (done on stdout, refused on stderr); fails if any was refused. */
function report(results: readonly DecisionResult[]): void {
  for (const r of results) {
    if (r.ok)
      process.stdout.write(
        `${r.status} ${r.proposalId} (household ${r.householdId}) by ${r.decidedBy} at ${r.decidedAt.toISOString()}\n`,
      );
    else process.stderr.write(`refused ${r.proposalId}: ${r.why}\n`);
  }
  const refused = results.filter((r) => !r.ok).length;
  if (refused > 0) throw new CliError(`${refused} of ${results.length} refused`, 1);
}

async function approveCommand(ids: string[], o: DecideOptions): Promise<void> {
  const { approveMany } = await import('../../store/index.js');
  report(await withStore((db) => approveMany(db, ids, o.as, o.note ?? '')));
}

async function rejectCommand(ids: string[], o: DecideOptions): Promise<void> {
  if (!o.note || o.note.trim() === '')
    throw new CliError('--note must say why the proposals are rejected; got nothing', 2);
  const note = o.note;
  const { reject } = await import('../../store/index.js');
  const results = await withStore(async (db) => {
    const out: DecisionResult[] = [];
    for (const id of ids) out.push(await reject(db, id, o.as, note));
    return out;
  });
  report(results);
}

/** Adds `approve` and `reject` to the program. */
export function registerApprove(program: Command): void {
  program
    .command('approve')
    .summary('approve proposals (re-checks that prices and holdings are unchanged)')
    .description(
      'Approves each proposal that is still proposed and whose household’s prices and holdings ' +
        'are unchanged since its run; a stale proposal is refused with the advice to re-run. ' +
        'Prints every refusal with its reason and exits 1 if there was any.',
    )
    .argument('<ids...>', 'proposal ids (tailor proposals lists them)')
    .requiredOption('--as <name>', 'who approves (recorded with the approval)')
    .option('--note <text>', 'why (recorded with the approval)')
    .addHelpText('after', '\nExample:\n  tailor approve 3f2c… --as pm --note "ok"\n')
    .action(approveCommand);
  program
    .command('reject')
    .summary('reject proposals, saying why')
    .description('Rejects each proposal that is still proposed, recording who, when and why.')
    .argument('<ids...>', 'proposal ids (tailor proposals lists them)')
    .requiredOption('--as <name>', 'who rejects (recorded with the rejection)')
    .requiredOption('--note <text>', 'why (required)')
    .action(rejectCommand);
}
