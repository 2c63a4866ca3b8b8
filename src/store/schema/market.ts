/**
 * Securities and their daily prices. Money is `numeric` (exact decimals, read back as strings);
 * the conversion to float64 for the optimizer happens where a rebalance request is built.
 */
import {
  boolean,
  date,
  index,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
} from 'drizzle-orm/pg-core';

export const securities = pgTable('securities', {
  id: text('id').primaryKey(),
  name: text('name').notNull().default(''),
  assetClass: text('asset_class'),
  sector: text('sector'),
  tags: jsonb('tags').$type<string[]>().notNull().default([]),
  washGroup: text('wash_group'),
  lotSize: numeric('lot_size'),
  cashEquivalent: boolean('cash_equivalent').notNull().default(false),
  taxDrag: numeric('tax_drag'),
});

export const prices = pgTable(
  'prices',
  {
    securityId: text('security_id')
      .notNull()
      .references(() => securities.id),
    date: date('date').notNull(),
    close: numeric('close').notNull(),
  },
  (t) => [primaryKey({ columns: [t.securityId, t.date] }), index('prices_date_idx').on(t.date)],
);
