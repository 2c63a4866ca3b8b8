/**
 * `tailor ledger`: replay a household's transactions (interchange §3) into realized gains, open
 * lots and totals (§4).
 */
import type { Command } from 'commander';
import { formatProblems } from '../../domain/index.js';
import { parseJsonText, parseLedgerRequest } from '../../io/index.js';
import { replayLedger } from '../../tax/index.js';
import { CliError } from '../cli-error.js';
import { readInput, writeOutput } from '../files.js';
import { ledgerTable } from '../ledger-table.js';

interface LedgerOptions {
  in: string;
  out?: string;
  format: 'json' | 'table';
}

async function runLedger(options: LedgerOptions): Promise<void> {
  const text = await readInput(options.in).catch((cause: unknown) => {
    throw new CliError(`cannot read ${options.in}: ${(cause as Error).message}`, 1, { cause });
  });
  const json = parseJsonText(text, options.in);
  if (!json.ok)
    throw new CliError(`${options.in} is not valid JSON:\n${formatProblems(json.problems)}`);
  const request = parseLedgerRequest(json.value);
  if (!request.ok) {
    throw new CliError(
      `${options.in} is not a valid ledger request (${request.problems.length} problem(s)):\n${formatProblems(request.problems)}`,
    );
  }
  const outcome = replayLedger(request.value);
  if (outcome.status === 'error') {
    throw new CliError(
      `the ledger cannot replay ${options.in}:\n${formatProblems(outcome.problems)}`,
    );
  }
  const rendered =
    options.format === 'table'
      ? `${ledgerTable(outcome.response)}\n`
      : `${JSON.stringify(outcome.response, null, 2)}\n`;
  if (options.out) await writeOutput(options.out, rendered);
  else process.stdout.write(rendered);
}

/** Adds `ledger` to the program. */
export function registerLedger(program: Command): void {
  program
    .command('ledger')
    .summary('replay a tax-lot history: realized gains, wash sales, open lots')
    .description(
      [
        "Replays a household's transactions (the ledger request of docs/interchange.md §3) with",
        'exact decimal arithmetic and prints realized gains and losses by lot, wash-sale',
        'disallowances, open lots with adjusted basis and holding-period start, and totals for',
        'taxable accounts. On any problem it names the JSON path and the rule, writes no output,',
        'and exits 1.',
      ].join(' '),
    )
    .requiredOption('-i, --in <file>', 'ledger request JSON file ("-" for standard input)')
    .option(
      '-o, --out <file>',
      'write the response here instead of standard output (all or nothing)',
    )
    .option(
      '-f, --format <format>',
      'json (the ledger response document) or table (for people)',
      'json',
    )
    .addHelpText(
      'after',
      '\nExample:\n  tailor ledger --in examples/ledger/garcia-household.json --format table\n',
    )
    .action(async (options: LedgerOptions) => {
      if (options.format !== 'json' && options.format !== 'table') {
        throw new CliError(`--format must be json or table, not "${String(options.format)}"`, 2);
      }
      await runLedger(options);
    });
}
