/**
 * `tailor export-orders`: the open block orders for the broker, as CSV (one record per
 * allocation) or as FIX 4.4 NewOrderSingle messages (one per order, allocations in NoAllocs).
 */
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { writeOutput } from '../files.js';
import { wholeNumberOption } from './demo.js';
import { withStore } from './lifecycle-store.js';

interface ExportOptions {
  format: string;
  out?: string;
  sender?: string;
  target?: string;
  seq?: string;
  display?: boolean;
}

async function exportCommand(o: ExportOptions): Promise<void> {
  if (o.format !== 'csv' && o.format !== 'fix')
    throw new CliError(`--format must be csv or fix; got "${o.format}"`, 2);
  if (o.format === 'csv' && (o.sender || o.target || o.seq || o.display))
    throw new CliError('--sender, --target, --seq and --display apply to --format fix only', 2);
  const seq = wholeNumberOption('seq', o.seq ?? '1', 1, 2 ** 31 - 1);
  const [{ listOrders, unfilledPart }, io] = await Promise.all([
    import('../../store/index.js'),
    import('../../io/index.js'),
  ]);
  // A partly filled order is sent for what it still needs.
  const orders = (await withStore((db) => listOrders(db, { status: 'open' }))).map((o) =>
    io.exportOrderFrom(unfilledPart(o)),
  );
  let text: string;
  if (o.format === 'csv') text = io.ordersCsv(orders);
  else {
    const fix = io.newOrderSingles(orders, {
      senderCompId: o.sender ?? 'TAILOR',
      targetCompId: o.target ?? 'BROKER',
      firstSeqNum: seq,
      display: o.display ?? false,
    });
    if (!fix.ok) throw new CliError(`cannot write FIX: ${fix.why}`);
    text = fix.messages.map((m) => `${m}\n`).join('');
  }
  if (orders.length === 0)
    process.stderr.write('no open orders: create them with tailor orders create\n');
  if (o.out) {
    await writeOutput(o.out, text);
    process.stderr.write(`wrote ${orders.length} orders to ${o.out}\n`);
  } else process.stdout.write(text);
}

/** Adds `export-orders` to the program. */
export function registerExportOrders(program: Command): void {
  program
    .command('export-orders')
    .summary('export open block orders as CSV or FIX 4.4 NewOrderSingle')
    .description(
      'Writes the open block orders with their allocations: --format csv gives one RFC 4180 ' +
        'record per allocation; --format fix gives one FIX 4.4 NewOrderSingle (35=D, market, ' +
        'allocations in NoAllocs 78/79/80) per order, one message per line, SOH-delimited.',
    )
    .requiredOption('--format <format>', 'csv or fix')
    .option('-o, --out <file>', 'write here instead of standard output (all or nothing)')
    .option('--sender <id>', 'FIX SenderCompID (49; default TAILOR)')
    .option('--target <id>', 'FIX TargetCompID (56; default BROKER)')
    .option('--seq <n>', 'FIX MsgSeqNum (34) of the first message (default 1)')
    .option('--display', 'FIX with "|" between fields instead of SOH, for reading')
    .addHelpText(
      'after',
      '\nExamples:\n  tailor export-orders --format csv --out orders.csv\n' +
        '  tailor export-orders --format fix --sender TAILOR --target BROKER --display\n',
    )
    .action(exportCommand);
}
