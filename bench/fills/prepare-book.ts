/**
 * The fills benchmark's book: the demo firm imported into a fresh embedded store, rebalanced by
 * `tailor run --json` in a process of its own, every proposal approved and the block orders
 * created — then the store is closed and copied, so each fill path starts from the same bytes.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { RunReport } from '../../src/batch/index.js';
import {
  approveMany,
  createBlockOrders,
  openStore,
  schema,
  writeFirm,
  type FirmCounts,
} from '../../src/store/index.js';
import { exact } from '../../src/tax/index.js';
import { buildBenchFirm } from '../book/firm.js';

/** An open block order, as the fill paths need it. */
export interface OrderToFill {
  id: string;
  securityId: string;
  side: 'buy' | 'sell';
  /** Exact decimal shares. */
  quantity: string;
  allocations: number;
  /** Whether every allocation is in whole shares (a partial fill must then be whole too). */
  allWhole: boolean;
  /** The price its proposals traded at (the run's price of the security). */
  price: string;
}

/** The prepared book: where its two copies are, and what it took to get there. */
export interface PreparedBook {
  /** The temp directory holding both copies (remove it when done). */
  home: string;
  /** The store the one-fill path fills. */
  dir: string;
  /** The copy the executions path fills, taken before any fill. */
  peerDir: string;
  firm: FirmCounts & { description: string };
  run: Pick<RunReport, 'asOf' | 'proposed' | 'noTrade' | 'gated' | 'errors' | 'trades'>;
  proposalsApproved: number;
  approvalsRefused: number;
  orders: OrderToFill[];
  allocations: number;
  /** Orders whose allocations' trades carried more than one price (the highest is used). */
  ordersWithMixedPrices: number;
  seconds: { build: number; import: number; run: number; approve: number; createOrders: number };
}

/** Options of {@link prepareBook}. */
export interface PrepareOptions {
  accounts: number;
  seed: number;
  /** `tailor run --threads`. */
  threads: number;
  /** The repository root (bin/tailor.js). */
  root: string;
  actor: string;
}

const since = (t0: number): number => (performance.now() - t0) / 1000;

/** `tailor run --json` on the store in `home`, in a process of its own. */
async function runBook(root: string, home: string, threads: number): Promise<RunReport> {
  const env: NodeJS.ProcessEnv = { ...process.env, TAILOR_HOME: home };
  delete env.DATABASE_URL;
  const args = ['run', '--json', '--as', 'bench', '--threads', String(threads)];
  const child = spawn(process.execPath, [join(root, 'bin', 'tailor.js'), ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`tailor ${args.join(' ')} exited with ${code}:\n${err}`);
  return JSON.parse(out) as RunReport;
}

/** Builds, imports, rebalances, approves and orders the book; copies the store. */
export async function prepareBook(o: PrepareOptions): Promise<PreparedBook> {
  const home = mkdtempSync(join(tmpdir(), 'tailor-bench-fills-'));
  const dir = join(home, 'db');
  let t0 = performance.now();
  const built = buildBenchFirm('demo', o.accounts, o.seed);
  const build = since(t0);
  let store = await openStore({ home: dir });
  t0 = performance.now();
  const counts = await writeFirm(store.db, built.data, o.actor);
  const importSeconds = since(t0);
  // The embedded store has one process at a time: the run opens it itself.
  await store.close();
  t0 = performance.now();
  const report = await runBook(o.root, home, o.threads);
  const run = since(t0);

  store = await openStore({ home: dir });
  const { db } = store;
  const proposed = await db
    .select({ id: schema.proposals.id })
    .from(schema.proposals)
    .where(eq(schema.proposals.status, 'proposed'));
  t0 = performance.now();
  const decided = await approveMany(
    db,
    proposed.map((p) => p.id),
    o.actor,
    'fills benchmark',
  );
  const approve = since(t0);
  t0 = performance.now();
  const made = await createBlockOrders(db, o.actor);
  const createOrders = since(t0);
  const prices = await db
    .select({
      orderId: schema.orderAllocations.orderId,
      low: sql<string>`min(${schema.trades.price})::text`,
      high: sql<string>`max(${schema.trades.price})::text`,
    })
    .from(schema.orderAllocations)
    .innerJoin(schema.trades, eq(schema.trades.id, schema.orderAllocations.tradeId))
    .groupBy(schema.orderAllocations.orderId);
  await store.close();
  const priceOf = new Map(prices.map((p) => [p.orderId, p]));
  const orders = made.orders.map((order): OrderToFill => ({
    id: order.id,
    securityId: order.securityId,
    side: order.side,
    quantity: order.quantity,
    allocations: order.allocations.length,
    allWhole: order.allocations.every((a) => exact(a.quantity).isInteger()),
    price: exact(priceOf.get(order.id)!.high).toFixed(),
  }));
  const peerDir = join(home, 'db-peer');
  cpSync(dir, peerDir, { recursive: true });
  return {
    home,
    dir,
    peerDir,
    firm: { ...counts, description: built.description },
    run: {
      asOf: report.asOf,
      proposed: report.proposed,
      noTrade: report.noTrade,
      gated: report.gated,
      errors: report.errors,
      trades: report.trades,
    },
    proposalsApproved: decided.filter((d) => d.ok).length,
    approvalsRefused: decided.filter((d) => !d.ok).length,
    orders,
    allocations: orders.reduce((n, order) => n + order.allocations, 0),
    ordersWithMixedPrices: prices.filter((p) => !exact(p.low).equals(p.high)).length,
    seconds: { build, import: importSeconds, run, approve, createOrders },
  };
}
