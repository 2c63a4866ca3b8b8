import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdDriftBefore } from '../rebalance/index.js';
import { accountFigures } from './account-figures.js';
import { bookFigureRows, refreshBookFigures, type Refreshed } from './book-figures.js';
import { writeFirm } from './firm-writer.js';
import { openStore, type Store } from './open-store.js';
import { testStoreKinds } from './testing/test-stores.js';
import { tinyFirm } from './testing/tiny-firm.js';

const H = (households: number): Refreshed => ({ scope: 'households', households });
const BOOK: Refreshed = { scope: 'book' };

/** A change to the store, what a refresh must recompute, and whether any figure moves. */
interface Change {
  story: string;
  change: SQL;
  scope: Refreshed;
  moves: boolean;
}

const CHANGES: Change[] = [
  {
    story: 'a lot bought',
    change: sql`INSERT INTO lots (account_id, id, security_id, quantity, cost_basis, acquired)
                VALUES ('H2-TAX', 'L2', 'VTI', '10', '2900', '2026-11-18')`,
    scope: H(1),
    moves: true,
  },
  {
    story: 'part of a lot sold',
    change: sql`UPDATE lots SET quantity = '20', cost_basis = '1480' WHERE account_id = 'H1-IRA'`,
    scope: H(1),
    moves: true,
  },
  {
    story: 'a lot sold',
    change: sql`DELETE FROM lots WHERE account_id = 'H2-TAX' AND id = 'L1'`,
    scope: H(1),
    moves: true,
  },
  {
    story: 'cash deposited',
    change: sql`UPDATE accounts SET cash = cash + 1000 WHERE id = 'H2-TAX'`,
    scope: H(1),
    moves: true,
  },
  {
    story: 'new settings (a harvest floor above the loss)',
    change: sql`INSERT INTO account_settings (account_id, version, settings, changed_by)
                VALUES ('H1-TAX', 2, '{"tax":{"harvestLosses":true,"minHarvest":100000}}', 'pm')`,
    scope: H(1),
    moves: true,
  },
  {
    story: 'a household model (one portfolio)',
    change: sql`UPDATE households SET model_id = 'balanced' WHERE id = 'H1'`,
    scope: H(1),
    moves: true,
  },
  {
    story: 'an account without a model',
    change: sql`UPDATE accounts SET model_id = NULL WHERE id = 'H2-TAX'`,
    scope: H(1),
    moves: true,
  },
  {
    story: 'an account moved to another household',
    change: sql`UPDATE accounts SET household_id = 'H2' WHERE id = 'H1-IRA'`,
    scope: H(2),
    moves: true,
  },
  {
    story: 'an account opened',
    change: sql`INSERT INTO accounts (id, household_id, tax_status, model_id, cash)
                VALUES ('H1-ROTH', 'H1', 'exempt', 'balanced', '700')`,
    scope: H(1),
    moves: true,
  },
  {
    story: 'a new close',
    change: sql`INSERT INTO prices (security_id, date, close) VALUES ('VTI', '2026-11-23', '310')`,
    scope: BOOK,
    moves: true,
  },
  {
    story: 'a new model version',
    change: sql`INSERT INTO models (id, version, name, targets, changed_by) VALUES ('balanced', 2,
                '60/40', '[{"security":"VTI","weight":0.5},{"security":"BND","weight":0.48}]', 'pm')`,
    scope: BOOK,
    moves: true,
  },
  {
    story: 'a security re-classified',
    change: sql`UPDATE securities SET sector = 'Total market' WHERE id = 'VTI'`,
    scope: BOOK,
    moves: false,
  },
];

describe.each(testStoreKinds())('the book figures kept on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
    await writeFirm(store.db, tinyFirm(), 'loader');
  });
  afterAll(async () => store?.close());

  const kept = () => bookFigureRows(store.db, householdDriftBefore);
  const computed = () => accountFigures(store.db, householdDriftBefore);
  const refresh = () => refreshBookFigures(store.db, householdDriftBefore);

  it('computes the whole book at the first read, then nothing until something changes', async () => {
    expect(await refresh()).toEqual(BOOK);
    expect(await refresh()).toEqual({ scope: 'none' });
    const figures = await kept();
    expect(figures).toHaveLength(3);
    expect(figures).toEqual(await computed());
  });

  // In order: each case starts from the store the one before left.
  it.each(CHANGES)('recomputes after $story', async ({ change, scope, moves }) => {
    const before = await kept();
    await store.db.execute(change);
    expect(await refresh()).toEqual(scope);
    const after = await kept();
    expect(after).toEqual(await computed());
    if (moves) expect(after).not.toEqual(before);
    expect(await refresh()).toEqual({ scope: 'none' });
  });

  it('gives callers that come while a refresh runs that refresh, not a second one', async () => {
    await store.db.execute(sql`UPDATE accounts SET cash = cash + 1 WHERE id = 'H2-TAX'`);
    const [a, b] = await Promise.all([refresh(), refresh()]);
    expect(a).toEqual(H(1));
    expect(b).toBe(a);
    expect(await kept()).toEqual(await computed());
  });

  it('marks nothing for a statement that changes no input of the figures', async () => {
    await store.db.execute(
      sql`INSERT INTO transactions (account_id, date, type, amount)
          VALUES ('H1-TAX', '2026-11-21', 'deposit', '5')`,
    );
    // Statement-level triggers fire for statements that change no row: these must not mark.
    await store.db.execute(
      sql`INSERT INTO prices (security_id, date, close) VALUES ('VTI', '2026-11-23', '310')
          ON CONFLICT DO NOTHING`,
    );
    await store.db.execute(sql`UPDATE models SET name = 'x' WHERE id = 'no-such-model'`);
    await store.db.execute(sql`DELETE FROM lots WHERE account_id = 'no-such-account'`);
    expect(await refresh()).toEqual({ scope: 'none' });
  });
});

describe.each(testStoreKinds().filter((k) => k.name === 'postgres'))(
  'the book figures kept under concurrent writes on $name',
  ({ open }) => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
      await writeFirm(store.db, tinyFirm(), 'loader');
      await refreshBookFigures(store.db, householdDriftBefore);
    });
    afterAll(async () => store?.close());

    it('leaves the refresh to the process that holds the lock, and reads what it left', async () => {
      await store.db.execute(sql`UPDATE accounts SET cash = cash + 1 WHERE id = 'H2-TAX'`);
      await store.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(7204511)`);
        // Another handle on the same database stands for another process.
        const other = await openStore({ databaseUrl: store.location });
        try {
          expect(await refreshBookFigures(other.db, householdDriftBefore)).toEqual({
            scope: 'busy',
          });
        } finally {
          await other.close();
        }
      });
      expect(await refreshBookFigures(store.db, householdDriftBefore)).toEqual(H(1));
    });

    it('end right however writes and refreshes interleave', async () => {
      // Two more handles on the same database: refreshes from "other processes".
      const others = [
        await openStore({ databaseUrl: store.location }),
        await openStore({ databaseUrl: store.location }),
      ];
      try {
        const accounts = ['H1-TAX', 'H1-IRA', 'H2-TAX'];
        for (let round = 0; round < 5; round++) {
          // Writes and refreshes at once on several connections: whichever write commits while
          // a refresh runs must leave a mark the last refresh finds.
          const work: Promise<unknown>[] = [];
          for (let i = 0; i < 24; i++) {
            const id = accounts[i % accounts.length]!;
            work.push(
              store.db.execute(sql`UPDATE accounts SET cash = cash + ${i + 1} WHERE id = ${id}`),
            );
            if (i % 3 === 0) work.push(refreshBookFigures(others[i % 2]!.db, householdDriftBefore));
          }
          await Promise.all(work);
          await refreshBookFigures(store.db, householdDriftBefore);
          expect(await bookFigureRows(store.db, householdDriftBefore)).toEqual(
            await accountFigures(store.db, householdDriftBefore),
          );
        }
      } finally {
        for (const o of others) await o.close();
      }
    });
  },
);
