/**
 * Migration 0013 on a store that has orders: a proposal already in orders counts the open ones
 * holding its trades (a filled one no longer counts); a proposal not in orders counts none.
 */
import { rmSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrationsBefore } from './migration-testing.js';

describe('migration 0013 (open orders per proposal)', () => {
  const client = new PGlite();
  const db = drizzle(client);
  const before = migrationsBefore('0013_proposal-open-orders');
  afterAll(async () => {
    await client.close();
    rmSync(before, { recursive: true, force: true });
  });

  it("counts each ordered proposal's open orders", async () => {
    await migrate(db, { migrationsFolder: before });
    await client.exec(`
      INSERT INTO households (id, short_term_rate, long_term_rate)
        VALUES ('H1', 0.4, 0.2), ('H2', 0.4, 0.2);
      INSERT INTO securities (id) VALUES ('VTI'), ('BND'), ('AGG');
      INSERT INTO runs (id, as_of, selection, status, started_by)
        VALUES ('R1', '2026-11-20', '{}', 'done', 'pm');
      INSERT INTO proposals (id, run_id, household_id, status, input_hash)
        VALUES ('P1', 'R1', 'H1', 'ordered', 'h'), ('P2', 'R1', 'H2', 'approved', 'h');
      INSERT INTO trades (id, proposal_id, account_id, security_id, side, quantity, price, value_usd, reasons)
        VALUES ('P1:A1:0', 'P1', 'A1', 'VTI', 'buy', '10', '300', '3000', '[]'),
               ('P1:A1:1', 'P1', 'A1', 'BND', 'sell', '5', '70', '350', '[]'),
               ('P1:A1:2', 'P1', 'A1', 'AGG', 'buy', '2', '100', '200', '[]');
      INSERT INTO orders (id, security_id, side, quantity, status)
        VALUES ('o-vti', 'VTI', 'buy', '10', 'open'), ('o-bnd', 'BND', 'sell', '5', 'filled'),
               ('o-agg', 'AGG', 'buy', '2', 'open');
      INSERT INTO order_allocations (order_id, trade_id, account_id, quantity)
        VALUES ('o-vti', 'P1:A1:0', 'A1', '10'), ('o-bnd', 'P1:A1:1', 'A1', '5'),
               ('o-agg', 'P1:A1:2', 'A1', '2');
    `);
    await migrate(db, { migrationsFolder: MIGRATIONS });
    const rows = await client.query<{ id: string; open_orders: number }>(
      'SELECT id, open_orders FROM proposals ORDER BY id',
    );
    expect(rows.rows).toEqual([
      { id: 'P1', open_orders: 2 },
      { id: 'P2', open_orders: 0 },
    ]);
  });
});
