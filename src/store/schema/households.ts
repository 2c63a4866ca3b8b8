/**
 * Households, accounts, tax lots, transactions and account settings (versioned: who changed
 * what, when). Lots and transactions keep exact decimals.
 */
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { AccountSettings, TaxStatus } from '../../domain/index.js';
import { securities } from './market.js';

export const households = pgTable(
  'households',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull().default(''),
    advisor: text('advisor').notNull().default(''),
    shortTermRate: numeric('short_term_rate').notNull(),
    longTermRate: numeric('long_term_rate').notNull(),
    /** A model for the household as a whole (asset location), or null. */
    modelId: text('model_id'),
  },
  (t) => [index('households_advisor_idx').on(t.advisor)],
);

export const accounts = pgTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    name: text('name').notNull().default(''),
    taxStatus: text('tax_status').$type<TaxStatus>().notNull(),
    tradable: boolean('tradable').notNull().default(true),
    /** The account's model, or null: it tracks its own current portfolio. */
    modelId: text('model_id'),
    cash: numeric('cash').notNull(),
  },
  (t) => [
    index('accounts_household_idx').on(t.householdId),
    index('accounts_model_idx').on(t.modelId),
  ],
);

export const lots = pgTable(
  'lots',
  {
    // No foreign keys (migration 0010): every writer goes through insertLots (insert-lots.ts),
    // which checks the rows' accounts and securities in one query instead of row by row.
    accountId: text('account_id').notNull(),
    id: text('id').notNull(),
    securityId: text('security_id').notNull(),
    quantity: numeric('quantity').notNull(),
    costBasis: numeric('cost_basis').notNull(),
    acquired: date('acquired').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.id] })],
);

export type TransactionType = 'buy' | 'sell' | 'deposit' | 'withdrawal' | 'dividend' | 'fee';

export const transactions = pgTable(
  'transactions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    date: date('date').notNull(),
    type: text('type').$type<TransactionType>().notNull(),
    securityId: text('security_id').references(() => securities.id),
    quantity: numeric('quantity'),
    price: numeric('price'),
    /** Cash effect on the account (+ in, − out). */
    amount: numeric('amount').notNull(),
    /** Sells: realized gain (negative: a loss), for the wash-sale rules. */
    realizedGain: numeric('realized_gain'),
    /**
     * Sells: the sum of the losses of the lots relieved (≤ 0; 0 for none). A sell with any loss
     * lot is a loss sale for the wash-sale rules (per lot) even at a net gain. Null: not known.
     */
    realizedLoss: numeric('realized_loss'),
    /** The trade this fill came from, when it came from a Tailor order. */
    tradeId: text('trade_id'),
  },
  (t) => [index('transactions_account_date_idx').on(t.accountId, t.date)],
);

export const accountSettings = pgTable(
  'account_settings',
  {
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    version: integer('version').notNull(),
    settings: jsonb('settings').$type<AccountSettings>().notNull(),
    changedBy: text('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    note: text('note').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.version] })],
);
