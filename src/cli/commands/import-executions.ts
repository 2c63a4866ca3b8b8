/**
 * `tailor import-executions FILE`: the broker's executions for the block orders — a CSV file
 * (`order_id, exec_id, quantity, price[, date]`) or FIX execution reports (35=8) — booked as
 * fills in file order, each once (by its ExecID): a file read twice, or again after a crash part
 * way, books nothing twice. A broker's trade bust takes back a fill of an order still open, and a
 * correction replaces it (an order already filled has booked its fills to the accounts: refused,
 * with what to do). Lines that cannot be read are listed and left out; the command exits 1 when
 * any line was, or was refused, after booking the rest.
 */
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { readInput } from '../files.js';
import { formatTable } from '../format-table.js';
import { progressBar } from '../progress-bar.js';
import { defaultActor, withStore } from './lifecycle-store.js';

interface ImportOptions {
  format?: string;
  as: string;
  json?: boolean;
}

/** The format named, or the one the file name says (`.csv`: CSV, else FIX). */
function formatOf(file: string, given: string | undefined): 'csv' | 'fix' {
  if (given === undefined) return /\.csv$/i.test(file) ? 'csv' : 'fix';
  if (given !== 'csv' && given !== 'fix')
    throw new CliError(`--format must be csv or fix; got "${given}"`, 2);
  return given;
}

async function importCommand(file: string, o: ImportOptions): Promise<void> {
  const format = formatOf(file, o.format);
  const text = await readInput(file);
  const [io, store] = await Promise.all([
    import('../../io/index.js'),
    import('../../store/index.js'),
  ]);
  const read = format === 'csv' ? io.parseExecutionsCsv(text) : io.parseExecutionReports(text);
  const bar = progressBar('executions');
  const booked = await withStore((db) =>
    store.bookExecutions(db, read.executions, o.as, (done, total) => bar.update(done, total)),
  );
  bar.done();
  const results = booked.map(({ execution: e, outcome }) => ({
    at: e.at,
    orderId: e.orderId,
    execId: e.execId,
    outcome: store.executionOutcome(e, outcome),
    message: store.executionMessage(e, outcome),
  }));
  const counts = store.outcomeCounts(results.map((r) => r.outcome));
  if (o.json)
    process.stdout.write(
      `${JSON.stringify({ results, problems: read.problems, ignored: read.ignored }, null, 2)}\n`,
    );
  else {
    const lines: string[] = [];
    if (results.length > 0)
      lines.push(
        formatTable(
          [
            { heading: 'at' },
            { heading: 'order' },
            { heading: 'execution' },
            { heading: 'outcome' },
          ],
          results.map((r) => [r.at, r.orderId, r.execId, r.message]),
        ),
      );
    for (const p of read.problems)
      lines.push(`${file}: ${p.at}: ${p.field === undefined ? '' : `${p.field}: `}${p.message}`);
    lines.push(
      `booked ${counts.booked}, ` +
        (counts.undone > 0 ? `taken back ${counts.undone}, ` : '') +
        `already booked ${counts.alreadyBooked}, refused ${counts.refused}` +
        (read.ignored > 0 ? `, ${read.ignored} reports not of trades left alone` : '') +
        (read.problems.length > 0 ? `; ${read.problems.length} unreadable` : ''),
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (counts.refused > 0 || read.problems.length > 0) process.exitCode = 1;
}

/** Adds `import-executions` to the program. */
export function registerImportExecutions(program: Command): void {
  program
    .command('import-executions')
    .summary('book a broker’s executions (CSV or FIX execution reports) as fills, once each')
    .description(
      'Books each execution of FILE as a fill of its block order — its shares at its price, ' +
        'shared among the accounts pro rata — in file order, once: an execution whose ExecID ' +
        'the order already booked is skipped, so the file can be imported again. CSV columns: ' +
        'order_id, exec_id, quantity, price and optionally date (YYYY-MM-DD); FIX: execution ' +
        'reports (35=8) of trades (150=F), one per line; a trade bust (150=H) takes back the ' +
        'fill of its execution (ExecRefID, 19) and a correction (150=G) replaces it, while the ' +
        'order is open. Exits 1 when a line was unreadable or refused, after booking the others.',
    )
    .argument('<file>', 'the executions file (- for standard input)')
    .option('--format <format>', 'csv or fix (default: csv for a .csv file, else fix)')
    .option('--as <name>', 'who books the fills (audit log)', defaultActor())
    .option('--json', 'print each result as JSON')
    .action(importCommand);
}
