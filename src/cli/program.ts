/**
 * The `tailor` command line: one program, one file per command under `commands/`.
 */
import { Command } from 'commander';
import { registerApprove } from './commands/approve.js';
import { registerBacktest } from './commands/backtest.js';
import { registerDemo } from './commands/demo.js';
import { registerExportOrders } from './commands/export-orders.js';
import { registerFill } from './commands/fill.js';
import { registerImportExecutions } from './commands/import-executions.js';
import { registerImport } from './commands/import.js';
import { registerLedger } from './commands/ledger.js';
import { registerOrders } from './commands/orders.js';
import { registerProposals } from './commands/proposals.js';
import { registerRebalance } from './commands/rebalance.js';
import { registerRun } from './commands/run.js';
import { registerServe } from './commands/serve.js';
import { registerTransition } from './commands/transition.js';
import { registerUsers } from './commands/users.js';
import { registerWorker } from './commands/worker.js';

/** Builds the program (without running it), so tests can drive it in-process. */
export function buildProgram(): Command {
  const program = new Command('tailor')
    .description(
      'Tailor: centralized, automated, tax-aware portfolio rebalancing in which every account is' +
        ' custom-tailored. Documents in and out follow docs/interchange.md.',
    )
    .version('0.1.0', '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: true });
  registerApprove(program);
  registerBacktest(program);
  registerDemo(program);
  registerExportOrders(program);
  registerFill(program);
  registerImportExecutions(program);
  registerImport(program);
  registerLedger(program);
  registerOrders(program);
  registerProposals(program);
  registerRebalance(program);
  registerRun(program);
  registerServe(program);
  registerTransition(program);
  registerUsers(program);
  registerWorker(program);
  return program;
}
