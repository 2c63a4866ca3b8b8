/**
 * `tailor fill` and `tailor cancel`: the broker's answer for a block order. A fill records its
 * shares (all the order still needs, or `--quantity` of them); the fill that completes the order
 * books every account at the average price — lots through the tax ledger, cash, a transaction.
 * A cancel books the shares already filled pro rata; the proposals settle once none of their
 * orders is open.
 */
import type { Command } from 'commander';
import type { OrderOutcome } from '../../store/index.js';
import { exact } from '../../tax/index.js';
import { CliError } from '../cli-error.js';
import { formatTable } from '../format-table.js';
import { defaultActor, withStore } from './lifecycle-store.js';

interface FillOptions {
  price: string;
  date?: string;
  quantity?: string;
  as: string;
  json?: boolean;
}

/** Prints a done outcome, or fails naming the option to change (usage) or what to do. */
function report(verb: string, r: OrderOutcome, json: boolean | undefined): void {
  if (!r.ok) {
    const option =
      r.code === 'badPrice'
        ? 'price'
        : r.code === 'badDate'
          ? 'date'
          : r.code === 'badQuantity'
            ? 'quantity'
            : undefined;
    if (option)
      throw new CliError(r.why.startsWith(option) ? `--${r.why}` : `--${option}: ${r.why}`, 2);
    throw new CliError(r.why, 1);
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    return;
  }
  const lines = [`${verb} ${r.orderId}`];
  if (r.bookings.length > 0)
    lines.push(
      formatTable(
        [
          { heading: 'account' },
          { heading: 'quantity', numeric: true },
          { heading: 'cash', numeric: true },
          { heading: 'realized gain', numeric: true },
        ],
        r.bookings.map((b) => [b.accountId, b.quantity, b.amount, b.realizedGain ?? '']),
      ),
    );
  const total = exact(r.filledQuantity).plus(r.remainingQuantity).toFixed();
  if (r.status === 'open')
    lines.push(
      `${r.filledQuantity} of ${total} shares filled; ${r.remainingQuantity} still open ` +
        '(booked to the accounts at the average price once complete)',
    );
  else if (r.status === 'cancelled' && r.filledQuantity !== '0')
    lines.push(`${r.filledQuantity} shares had filled and are booked above; the rest is cancelled`);
  for (const p of r.proposals) lines.push(`proposal ${p.id} is now ${p.status}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function fillCommand(orderId: string, o: FillOptions): Promise<void> {
  const { fillOrder } = await import('../../store/index.js');
  const r = await withStore((db) =>
    fillOrder(db, orderId, o.price, o.as, {
      ...(o.date ? { date: o.date } : {}),
      ...(o.quantity === undefined ? {} : { quantity: o.quantity }),
    }),
  );
  report('filled', r, o.json);
}

async function cancelCommand(
  orderId: string,
  o: { as: string; note?: string; json?: boolean },
): Promise<void> {
  const { cancelOrder } = await import('../../store/index.js');
  report('cancelled', await withStore((db) => cancelOrder(db, orderId, o.as, o.note)), o.json);
}

/** Adds `fill` and `cancel` to the program. */
export function registerFill(program: Command): void {
  program
    .command('fill')
    .summary('book a block order filled at a price, in full or in part: lots, cash, transactions')
    .description(
      'Books an open order filled at --price: all it still needs, or --quantity shares of it ' +
        '(a partial fill). The order stays open until its fills reach its quantity; then every ' +
        'account books its shares at the average price of the fills: lots through the tax ' +
        'ledger (a sell relieves the lots its proposal named, a buy opens a lot costing ' +
        'quantity × price), cash and a transaction. The proposals become filled once all their ' +
        'orders are. Cancelling a partly filled order books the filled shares pro rata.',
    )
    .argument('<order>', 'order id (tailor orders list)')
    .requiredOption('--price <price>', 'fill price per share')
    .option(
      '--date <date>',
      'fill date YYYY-MM-DD (default: the as-of date of the run it came from)',
    )
    .option('--quantity <shares>', 'shares filled (default: all the order still needs)')
    .option('--as <name>', 'who books the fill (audit log)', defaultActor())
    .option('--json', 'print the bookings as JSON')
    .action(fillCommand);
  program
    .command('cancel')
    .summary('cancel an open block order (books what filled, pro rata, and cancels the rest)')
    .argument('<order>', 'order id (tailor orders list)')
    .requiredOption('--as <name>', 'who cancels (audit log)')
    .option('--note <text>', 'why')
    .option('--json', 'print the outcome as JSON')
    .action(cancelCommand);
}
