/**
 * Migration 0012 on a store that has orders: one filled before partial fills existed keeps its
 * fill (its shares, price, date and who booked it, rebuilt from the order and its audit entry);
 * an open one has nothing filled.
 */
import { rmSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrationsBefore } from './migration-testing.js';

describe('migration 0012 (partial fills)', () => {
  const client = new PGlite();
  const db = drizzle(client);
  const before = migrationsBefore('0012_partial-fills');
  afterAll(async () => {
    await client.close();
    rmSync(before, { recursive: true, force: true });
  });

  it('gives an order filled before it one fill of all its shares, and an open one none', async () => {
    await migrate(db, { migrationsFolder: before });
    await client.exec(`
      INSERT INTO securities (id) VALUES ('VTI');
      INSERT INTO orders (id, security_id, side, quantity, status, filled_at, fill_price)
        VALUES ('ord-done', 'VTI', 'buy', '12.5', 'filled', '2026-11-20T15:00:00Z', '301.25'),
               ('ord-open', 'VTI', 'sell', '7', 'open', NULL, NULL);
      INSERT INTO order_allocations (order_id, trade_id, account_id, quantity)
        VALUES ('ord-done', 'P1:A1:0', 'A1', '10'), ('ord-done', 'P2:A2:0', 'A2', '2.5'),
               ('ord-open', 'P3:A3:0', 'A3', '7');
      INSERT INTO audit_log (actor, action, entity, entity_id, detail)
        VALUES ('trader1', 'order.fill', 'order', 'ord-done',
                '{"price": "301.25", "date": "2026-11-19", "quantity": "12.5"}');
    `);
    await migrate(db, { migrationsFolder: MIGRATIONS });
    const orders = await client.query<{ id: string; filled_quantity: string }>(
      'SELECT id, filled_quantity FROM orders ORDER BY id',
    );
    expect(orders.rows).toEqual([
      { id: 'ord-done', filled_quantity: '12.5' },
      { id: 'ord-open', filled_quantity: '0' },
    ]);
    const allocations = await client.query<{ trade_id: string; filled_quantity: string }>(
      'SELECT trade_id, filled_quantity FROM order_allocations ORDER BY trade_id',
    );
    expect(allocations.rows.map((a) => `${a.trade_id} ${a.filled_quantity}`)).toEqual([
      'P1:A1:0 10',
      'P2:A2:0 2.5',
      'P3:A3:0 0',
    ]);
    const fills = await client.query<Record<string, unknown>>(
      `SELECT order_id, seq, quantity, price, date::text AS date, actor FROM order_fills`,
    );
    expect(fills.rows).toEqual([
      {
        order_id: 'ord-done',
        seq: 1,
        quantity: '12.5',
        price: '301.25',
        date: '2026-11-19',
        actor: 'trader1',
      },
    ]);
  });
});
