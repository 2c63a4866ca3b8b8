/**
 * `tailor rebalance`: propose trades for a household (interchange §1) and report them per account
 * (§2).
 */
import type { Command } from 'commander';
import { formatProblems } from '../../domain/index.js';
import type { RebalanceRequest, RebalanceResponse } from '../../domain/index.js';
import { parseJsonText, parseRebalanceRequest } from '../../io/index.js';
import { CliError } from '../cli-error.js';
import { readInput, writeOutput } from '../files.js';
import { rebalanceTable } from '../rebalance-table.js';

interface RebalanceOptions {
  in: string;
  out?: string;
  format: 'json' | 'table';
}

/**
 * The engine, loaded only when the command runs: the other commands (and `--help`) never pay for
 * loading the solver and the default risk model.
 */
async function runEngine(request: RebalanceRequest): Promise<RebalanceResponse> {
  const { rebalance } = await import('../../rebalance/index.js');
  return rebalance(request);
}

async function runRebalance(options: RebalanceOptions): Promise<void> {
  const text = await readInput(options.in).catch((cause: unknown) => {
    throw new CliError(`cannot read ${options.in}: ${(cause as Error).message}`, 1, { cause });
  });
  const json = parseJsonText(text, options.in);
  if (!json.ok)
    throw new CliError(`${options.in} is not valid JSON:\n${formatProblems(json.problems)}`);
  const request = parseRebalanceRequest(json.value);
  if (!request.ok) {
    throw new CliError(
      `${options.in} is not a valid rebalance request (${request.problems.length} problem(s)):\n${formatProblems(request.problems)}`,
    );
  }
  const response = await runEngine(request.value);
  const rendered =
    options.format === 'table'
      ? `${rebalanceTable(response)}\n`
      : `${JSON.stringify(response, null, 2)}\n`;
  if (options.out) await writeOutput(options.out, rendered);
  else process.stdout.write(rendered);
}

/** Adds `rebalance` to the program. */
export function registerRebalance(program: Command): void {
  program
    .command('rebalance')
    .summary('propose tax-aware trades that bring a household back to its models')
    .description(
      [
        'Reads a household (the rebalance request of docs/interchange.md §1): securities and',
        'prices, models, an optional risk model, accounts with their tax lots, recent trades and',
        'settings. Proposes trades for every account at once, honouring restrictions, cash needs,',
        'gain budgets and wash-sale rules across the household, and prints per account the trades',
        'with their reasons and the lots each sale relieves, tracking error and drift before and',
        'after, realized gains and estimated tax (§2). A conflict in one account is reported as',
        "that account's error; the others are still answered. On an invalid request it names",
        'every problem with its JSON path, writes no output, and exits 1.',
      ].join(' '),
    )
    .requiredOption('-i, --in <file>', 'rebalance request JSON file ("-" for standard input)')
    .option(
      '-o, --out <file>',
      'write the response here instead of standard output (all or nothing)',
    )
    .option(
      '-f, --format <format>',
      'json (the rebalance response document) or table (for people)',
      'json',
    )
    .addHelpText(
      'after',
      '\nExample:\n  tailor rebalance --in examples/rebalance/smith-household.json --format table\n',
    )
    .action(async (options: RebalanceOptions) => {
      if (options.format !== 'json' && options.format !== 'table') {
        throw new CliError(`--format must be json or table, not "${String(options.format)}"`, 2);
      }
      await runRebalance(options);
    });
}
