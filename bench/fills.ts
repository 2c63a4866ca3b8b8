/**
 * Filling a whole book's block orders: the demo firm is imported into a fresh embedded store,
 * rebalanced by `tailor run --json` in a process of its own, every proposal approved and the
 * block orders created (bench/fills/prepare-book.ts). The store is then copied while closed, and
 * the same orders are filled on each copy, at the price their proposals traded at, on the run's
 * date (bench/fills/fill-paths.ts):
 *
 * - measured: one `fillOrder` call per order — every allocation booked through the tax ledger in
 *   bulk, the proposals settled;
 * - peer: as a broker reports them — two executions per order (half, then the rest) through
 *   `bookExecutions`: one more fill transaction per order, which records shares and books nothing.
 *
 * The ratio is the peer's time over the measured path's time on the same orders.
 *
 *   npm run bench:fills                         # the 2,000-account demo book
 *   npm run bench:fills -- --accounts 200       # quicker
 *   npm run bench:fills -- --peer-orders 100    # the peer fills only the first 100 orders
 *   npm run bench:fills -- --threads 0          # `tailor run --threads` (default: one per core)
 *
 * `--peer-orders K` keeps the peer short on a large book: the ratio then compares the peer with
 * the measured path's time on the same K orders, and ms per allocation is over those orders.
 *
 * Checks at the end: every order is `filled` on both copies, and the two copies booked the same
 * transactions for the orders both filled (count, cash, realized gain; the lots and proposal
 * statuses too when the peer filled every order). Exits 1 if an order is not filled or the
 * copies differ. Writes bench/results/fills.json (`--out NAME` for another name).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type Db } from '../src/store/index.js';
import { fillByExecutions, fillEach, type PathResult } from './fills/fill-paths.js';
import { prepareBook, type OrderToFill } from './fills/prepare-book.js';
import { ledgerDifferences, ledgerFigures, unfilledOrders } from './fills/verify.js';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const accounts = Number(argValue('accounts') ?? process.env.BENCH_ACCOUNTS ?? 2000);
const seed = Number(argValue('seed') ?? 1);
const threads = Number(argValue('threads') ?? availableParallelism());
const peerOrdersArg = argValue('peer-orders');
const outName = argValue('out') ?? 'fills.json';
const actor = 'bench';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const fmt = (n: number): string => n.toLocaleString('en-US');

/**
 * Fills `orders` on the store in `dir` with `path`; after, the orders not filled and the ledger
 * figures of the orders `compared` (those both paths fill).
 */
async function onStore(
  dir: string,
  orders: readonly OrderToFill[],
  compared: readonly OrderToFill[],
  path: (db: Db, orders: readonly OrderToFill[], actor: string) => Promise<PathResult>,
) {
  const store = await openStore({ home: dir });
  try {
    const load = loadavg()[0]!;
    const result = await path(store.db, orders, actor);
    return {
      result,
      loadAtStart: load,
      unfilled: await unfilledOrders(
        store.db,
        orders.map((o) => o.id),
      ),
      figures: await ledgerFigures(
        store.db,
        compared.map((o) => o.id),
      ),
    };
  } finally {
    await store.close();
  }
}

function summaryOf(r: PathResult) {
  return {
    orders: r.orders,
    allocations: r.allocations,
    fillCalls: r.fills,
    seconds: r.seconds,
    msPerAllocation: (r.seconds * 1000) / r.allocations,
    allocationsPerSecond: r.allocations / r.seconds,
    refused: r.refused,
  };
}

async function main(): Promise<void> {
  const load0 = loadavg()[0]!;
  console.log(
    `Filling a book's block orders: ${fmt(accounts)} accounts, demo firm, seed ${seed}\n`,
  );
  const book = await prepareBook({ accounts, seed, threads, root, actor });
  const s = book.seconds;
  console.log(
    `built ${s.build.toFixed(1)} s, imported ${s.import.toFixed(1)} s: ${fmt(book.firm.households)} households, ` +
      `${fmt(book.firm.accounts)} accounts, ${fmt(book.firm.lots)} lots`,
  );
  console.log(
    `run ${s.run.toFixed(1)} s (as of ${book.run.asOf}): ${fmt(book.run.proposed)} proposed, ` +
      `${fmt(book.run.noTrade)} no trade, ${book.run.gated} gated, ${book.run.errors} errors, ${fmt(book.run.trades)} trades`,
  );
  console.log(
    `approved ${fmt(book.proposalsApproved)} proposals in ${s.approve.toFixed(1)} s (${book.approvalsRefused} refused); ` +
      `${fmt(book.orders.length)} orders, ${fmt(book.allocations)} allocations created in ${s.createOrders.toFixed(1)} s`,
  );
  const peerCount = Math.min(Number(peerOrdersArg ?? book.orders.length), book.orders.length);
  const peerOrders = book.orders.slice(0, peerCount);
  const whole = peerCount === book.orders.length;

  const one = await onStore(book.dir, book.orders, peerOrders, fillEach);
  const peer = await onStore(book.peerDir, peerOrders, peerOrders, fillByExecutions);
  rmSync(book.home, { recursive: true, force: true });

  // The measured path on the orders the peer filled: the same work, for the ratio.
  const oneOnPeerOrders = one.result.perOrder.slice(0, peerCount).reduce((t, o) => t + o.ms, 0);
  const peerAllocations = peer.result.allocations;
  const oneSummary = summaryOf(one.result);
  const peerSummary = summaryOf(peer.result);
  const ratio = (peer.result.seconds * 1000) / oneOnPeerOrders;
  const differences = ledgerDifferences(one.figures, peer.figures, whole);
  const slowest = [...one.result.perOrder].sort((a, b) => b.ms - a.ms).slice(0, 5);

  console.log(
    `\none fill per order        ${fmt(one.result.orders)} orders, ${fmt(one.result.allocations)} allocations: ` +
      `${one.result.seconds.toFixed(1)} s, ${oneSummary.msPerAllocation.toFixed(2)} ms/allocation, ` +
      `${oneSummary.allocationsPerSecond.toFixed(0)} allocations/s`,
  );
  console.log(
    `two executions per order  ${fmt(peer.result.orders)} orders, ${fmt(peerAllocations)} allocations, ` +
      `${fmt(peer.result.fills)} executions: ${peer.result.seconds.toFixed(1)} s, ` +
      `${peerSummary.msPerAllocation.toFixed(2)} ms/allocation, ${peerSummary.allocationsPerSecond.toFixed(0)} allocations/s`,
  );
  console.log(
    `ratio executions ÷ one fill on the same ${fmt(peerCount)} orders: ${ratio.toFixed(2)}` +
      ` (${(oneOnPeerOrders / 1000).toFixed(1)} s one fill)`,
  );
  console.log(
    `slowest orders (one fill): ${slowest.map((o) => `${o.securityId} ${o.side} ${fmt(o.allocations)} allocations ${(o.ms / 1000).toFixed(2)} s`).join('; ')}`,
  );
  console.log(
    `check: ${fmt(book.orders.length - one.unfilled.length)} of ${fmt(book.orders.length)} orders filled (one fill), ` +
      `${fmt(peerCount - peer.unfilled.length)} of ${fmt(peerCount)} (executions); ` +
      `transactions ${fmt(one.figures.transactions)} vs ${fmt(peer.figures.transactions)}, ` +
      `lots ${fmt(one.figures.lots)} vs ${fmt(peer.figures.lots)}${whole ? '' : ' (store-wide, not compared)'}` +
      (differences.length ? `; DIFFER: ${differences.join('; ')}` : ', the same'),
  );

  const out = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    loadAverage: {
      start: load0,
      oneFillStart: one.loadAtStart,
      executionsStart: peer.loadAtStart,
      end: loadavg()[0]!,
    },
    accounts,
    seed,
    firm: book.firm,
    store: 'embedded PGlite on local disk; the peer fills a copy taken before any fill',
    runThreads: threads,
    run: book.run,
    proposalsApproved: book.proposalsApproved,
    approvalsRefused: book.approvalsRefused,
    orders: book.orders.length,
    allocations: book.allocations,
    ordersWithMixedPrices: book.ordersWithMixedPrices,
    price: "each order at its proposals' trade price, on the run's as-of date",
    prepareSeconds: book.seconds,
    oneFill: { ...oneSummary, slowestOrders: slowest },
    executions: {
      ...peerSummary,
      split: 'two executions per order (half, then the rest); one when half is nothing',
      oneFillSecondsOnSameOrders: oneOnPeerOrders / 1000,
    },
    ratio: { executionsOverOneFill: ratio, onOrders: peerCount },
    checks: {
      unfilled: { oneFill: one.unfilled, executions: peer.unfilled },
      ledger: { oneFill: one.figures, executions: peer.figures },
      differences,
    },
  };
  const file = join(root, 'bench', 'results', outName);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`\nWrote ${file}`);
  const refused = one.result.refused.length + peer.result.refused.length;
  if (one.unfilled.length > 0 || peer.unfilled.length > 0 || refused > 0 || differences.length) {
    console.error(
      `FAILED: ${one.unfilled.length + peer.unfilled.length} orders not filled, ${refused} fills refused, ` +
        `${differences.length} ledger differences`,
    );
    process.exitCode = 1;
  }
}

await main();
