/**
 * `tailor orders create` and `tailor orders list`: block orders from the approved proposals —
 * one per security and side, allocated back to each account — and what they are now.
 */
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { ordersTable, withStore } from './lifecycle-store.js';

const STATUSES = ['open', 'filled', 'cancelled', 'all'] as const;
type Status = (typeof STATUSES)[number];

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

async function createCommand(o: { as: string; json?: boolean }): Promise<void> {
  const { createBlockOrders } = await import('../../store/index.js');
  const made = await withStore((db) => createBlockOrders(db, o.as));
  if (o.json) process.stdout.write(`${JSON.stringify(made, null, 2)}\n`);
  else if (made.orders.length === 0)
    process.stdout.write('no approved proposals: approve some first (tailor approve)\n');
  else
    process.stdout.write(
      `${ordersTable(made.orders)}\n\n${plural(made.orders.length, 'order')} from ` +
        `${plural(made.proposalIds.length, 'proposal')}; ` +
        'next: tailor export-orders --format fix\n',
    );
}

async function listCommand(o: { status: string; json?: boolean }): Promise<void> {
  if (!STATUSES.includes(o.status as Status))
    throw new CliError(`--status must be one of ${STATUSES.join(', ')}; got "${o.status}"`, 2);
  const { listOrders } = await import('../../store/index.js');
  const orders = await withStore((db) => listOrders(db, { status: o.status as Status }));
  if (o.json) process.stdout.write(`${JSON.stringify(orders, null, 2)}\n`);
  else if (orders.length === 0) process.stdout.write(`no ${o.status} orders\n`);
  else process.stdout.write(`${ordersTable(orders)}\n`);
}

/** Adds `orders` (create, list) to the program. */
export function registerOrders(program: Command): void {
  const orders = program
    .command('orders')
    .summary('block orders: create them from approved proposals, list them');
  orders
    .command('create')
    .summary('aggregate approved proposals into block orders per security and side')
    .description(
      'Aggregates the trades of every approved proposal into one order per security and side, ' +
        'records each account’s allocation, and marks the proposals ordered (one transaction).',
    )
    .requiredOption('--as <name>', 'who creates the orders (audit log)')
    .option('--json', 'print the orders and their allocations as JSON')
    .action(createCommand);
  orders
    .command('list')
    .summary('list block orders')
    .option('--status <status>', `${STATUSES.join(', ')}`, 'open')
    .option('--json', 'print the orders and their allocations as JSON')
    .action(listCommand);
}
