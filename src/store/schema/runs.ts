/**
 * Runs, their proposals (one per run and household, written exactly once), trades,
 * approvals, block orders with their allocations, and the append-only audit log.
 */
import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ProposalStatus, RebalanceResponse, TradeReason } from '../../domain/index.js';
import { households } from './households.js';
import { securities } from './market.js';

export type RunStatus = 'running' | 'done' | 'failed';

export const runs = pgTable('runs', {
  id: text('id').primaryKey(),
  asOf: date('as_of').notNull(),
  /** The selection as given (see src/batch): kind and its parameters. */
  selection: jsonb('selection').$type<Record<string, unknown>>().notNull(),
  status: text('status').$type<RunStatus>().notNull(),
  startedBy: text('started_by').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  householdsSelected: integer('households_selected').notNull().default(0),
});

export type { ProposalStatus } from '../../domain/index.js';

export const proposals = pgTable(
  'proposals',
  {
    id: text('id').primaryKey(),
    runId: text('run_id')
      .notNull()
      .references(() => runs.id),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    status: text('status').$type<ProposalStatus>().notNull(),
    /** Why a gated or failed household was not traded. */
    reason: text('reason'),
    response: jsonb('response').$type<RebalanceResponse>(),
    /**
     * How many trades the response proposes (over its accounts). The response is the record of
     * a proposal's trades; rows in `trades` are made from it when the proposal goes into block
     * orders (see proposal-trades.ts), so lists count trades here.
     */
    tradeCount: integer('trade_count').notNull().default(0),
    /**
     * Of an `ordered` proposal: how many of the block orders holding its trades are still open.
     * Set when it goes into orders and lowered as each closes, so that a fill asks whether a
     * proposal is settled only when its last order closes (fills-common.ts).
     */
    openOrders: integer('open_orders').notNull().default(0),
    /** Hash of the inputs (prices, holdings, settings, models) the proposal was made from. */
    inputHash: text('input_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('proposals_run_household_idx').on(t.runId, t.householdId),
    index('proposals_status_idx').on(t.status),
  ],
);

export const trades = pgTable(
  'trades',
  {
    id: text('id').primaryKey(),
    // The trades of proposals that went into block orders (the rows their allocations name),
    // made from the proposal's stored response by `materializeTrades` (proposal-trades.ts) in
    // the transaction that makes the orders. No foreign keys (migrations 0006 and 0007): it
    // checks accounts and securities in one query over the batch, and no proposal is deleted.
    proposalId: text('proposal_id').notNull(),
    accountId: text('account_id').notNull(),
    securityId: text('security_id').notNull(),
    side: text('side').$type<'buy' | 'sell'>().notNull(),
    quantity: numeric('quantity').notNull(),
    price: numeric('price').notNull(),
    valueUsd: numeric('value_usd').notNull(),
    reasons: jsonb('reasons').$type<TradeReason[]>().notNull(),
  },
  (t) => [index('trades_proposal_idx').on(t.proposalId)],
);

export const approvals = pgTable('approvals', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  proposalId: text('proposal_id')
    .notNull()
    .references(() => proposals.id),
  decision: text('decision').$type<'approved' | 'rejected'>().notNull(),
  decidedBy: text('decided_by').notNull(),
  decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  note: text('note').notNull().default(''),
});

export type OrderStatus = 'open' | 'filled' | 'cancelled';

export const orders = pgTable('orders', {
  id: text('id').primaryKey(),
  securityId: text('security_id')
    .notNull()
    .references(() => securities.id),
  side: text('side').$type<'buy' | 'sell'>().notNull(),
  quantity: numeric('quantity').notNull(),
  status: text('status').$type<OrderStatus>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** When the last fill was booked. */
  filledAt: timestamp('filled_at', { withTimezone: true }),
  /** The average price of its fills, weighted by their shares (to 1e-8). */
  fillPrice: numeric('fill_price'),
  /** Shares filled so far (the sum of its `order_fills`); the order is `filled` at `quantity`. */
  filledQuantity: numeric('filled_quantity').notNull().default('0'),
});

export const orderAllocations = pgTable(
  'order_allocations',
  {
    // No foreign keys (migration 0009): only createBlockOrders writes allocations, in the
    // transaction that inserts their orders and makes (and checks) their trades' rows, from
    // which the account comes. The per-row checks were a third of a whole book's order creation.
    orderId: text('order_id').notNull(),
    tradeId: text('trade_id').notNull(),
    accountId: text('account_id').notNull(),
    quantity: numeric('quantity').notNull(),
    /** Shares of this allocation booked so far: its parts of the order's fills. */
    filledQuantity: numeric('filled_quantity').notNull().default('0'),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.tradeId] })],
);

/** Each fill of a block order, in the order they were booked (`seq` 1, 2, …). */
export const orderFills = pgTable(
  'order_fills',
  {
    orderId: text('order_id').notNull(),
    seq: integer('seq').notNull(),
    quantity: numeric('quantity').notNull(),
    price: numeric('price').notNull(),
    /** The trade date the fill was booked on. */
    date: date('date').notNull(),
    filledAt: timestamp('filled_at', { withTimezone: true }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    /**
     * The broker's id of the execution (FIX ExecID), when the fill came from one: an execution
     * booked once is never booked again, so a file of executions can be imported twice.
     */
    execId: text('exec_id'),
    /**
     * The ExecID of the broker's trade bust or correction that took this fill back (null while it
     * stands). A fill taken back stays, for the record, but counts for nothing: not in the
     * order's filled shares, nor in its average price.
     */
    undoneBy: text('undone_by'),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.seq] }),
    uniqueIndex('order_fills_exec_idx').on(t.orderId, t.execId),
  ],
);

/** Append-only (a trigger refuses UPDATE and DELETE; see migrations). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId)],
);
