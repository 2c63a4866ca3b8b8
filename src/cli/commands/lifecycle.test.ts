/**
 * The proposal lifecycle as a user drives it — run, review, approve, create orders, export FIX,
 * fill in parts, import the broker's executions — each step a real `tailor` process on an
 * embedded store in a fresh TAILOR_HOME.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore, schema, writeFirm, type BlockOrder } from '../../store/index.js';
import { TINY_AS_OF, tinyFirm } from '../../store/testing/tiny-firm.js';
import { exact, roundCents } from '../../tax/index.js';
import { tailorIn } from '../testing/tailor-process.js';

const SOH = '\u0001';

describe('the proposal lifecycle on the command line', () => {
  const home = mkdtempSync(join(tmpdir(), 'tailor-lifecycle-'));
  const tailor = tailorIn(home);
  beforeAll(async () => {
    const store = await openStore({ home: join(home, 'db') });
    await writeFirm(store.db, tinyFirm(), 'loader');
    await store.close();
  });

  // Eleven process starts on an embedded store: 40 seconds on a quiet machine.
  it(
    'runs, approves, orders, exports FIX and fills, moving the lots',
    { timeout: 180_000 },
    async () => {
      expect((await tailor('run', '--threads', '0', '--json')).code).toBe(0);
      const listed = await tailor('proposals', '--json');
      expect(listed.code).toBe(0);
      const proposal = (JSON.parse(listed.stdout) as { id: string; status: string }[]).find(
        (p) => p.status === 'proposed',
      );
      expect(proposal).toBeDefined();

      // One good id and one bad: the good one is approved, the bad one refused, exit code 1.
      const approved = await tailor('approve', proposal!.id, 'nope', '--as', 'pm', '--note', 'ok');
      expect(approved.code).toBe(1);
      expect(approved.stdout).toMatch(
        new RegExp(`^approved ${proposal!.id} \\(household H1\\) by pm`),
      );
      expect(approved.stderr).toMatch(
        /refused nope: no proposal nope; list them with tailor proposals/,
      );

      const created = await tailor('orders', 'create', '--as', 'trader', '--json');
      expect(created.code).toBe(0);
      const { orders } = JSON.parse(created.stdout) as { orders: BlockOrder[] };
      // H1's IRA sells BND to buy the VTI it lacks; H1-TAX keeps its VTI loss lot, so that the
      // IRA may buy VTI (the wash-sale rule spans the household).
      const sell = orders.find((o) => o.securityId === 'BND' && o.side === 'sell');
      expect(sell?.allocations.map((a) => a.accountId)).toEqual(['H1-IRA']);

      const fix = await tailor(
        'export-orders',
        '--format',
        'fix',
        '--sender',
        'TLR',
        '--target',
        'BRK',
      );
      expect(fix.code).toBe(0);
      const messages = fix.stdout.split('\n').filter((m) => m !== '');
      expect(messages).toHaveLength(orders.length);
      for (const [i, m] of messages.entries()) {
        expect(m.startsWith(`8=FIX.4.4${SOH}9=`)).toBe(true);
        expect(m).toContain(`${SOH}35=D${SOH}49=TLR${SOH}56=BRK${SOH}34=${i + 1}${SOH}`);
        expect(m).toContain(`${SOH}11=${orders[i]!.id}${SOH}`);
        const at = m.lastIndexOf(`${SOH}10=`) + 1;
        const sum = [...Buffer.from(m.slice(0, at), 'ascii')].reduce((s, b) => s + b, 0);
        expect(m.slice(at)).toBe(`10=${String(sum % 256).padStart(3, '0')}${SOH}`);
      }

      const badPrice = await tailor('fill', sell!.id, '--price', 'cheap');
      expect(badPrice.code).toBe(2);
      expect(badPrice.stderr).toMatch(/--price must be a number; got "cheap"/);
      const tooMany = await tailor('fill', sell!.id, '--price', '72.30', '--quantity', '1e6');
      expect(tooMany.code).toBe(2);
      expect(tooMany.stderr).toMatch(
        /--quantity 1000000 is more than the [\d.]+ shares the order still needs/,
      );
      // One share first (a partial fill), then the rest: the lots end as after one fill.
      const part = await tailor(
        'fill',
        sell!.id,
        '--price',
        '72.30',
        '--quantity',
        '1',
        '--date',
        TINY_AS_OF,
      );
      expect(part.stderr).toBe('');
      expect(part.stdout).toContain(
        `1 of ${exact(sell!.quantity).toFixed()} shares filled; ${exact(sell!.quantity).minus(1).toFixed()} still open (booked to the accounts at the average price once complete)`,
      );
      const filled = await tailor(
        'fill',
        sell!.id,
        '--price',
        '72.30',
        '--date',
        TINY_AS_OF,
        '--as',
        'trader',
      );
      expect(filled.stderr).toBe('');
      expect(filled.code).toBe(0);

      // H1-IRA held one BND lot: 50 shares costing 3,700.00, and 500.00 in cash.
      const sold = exact(sell!.quantity);
      const store = await openStore({ home: join(home, 'db') });
      try {
        const left = await store.db
          .select()
          .from(schema.lots)
          .where(eq(schema.lots.accountId, 'H1-IRA'));
        const bnd = left.find((l) => l.securityId === 'BND' && l.id === 'L1');
        expect(bnd?.quantity).toBe(exact(50).minus(sold).toFixed());
        expect(bnd?.costBasis).toBe(roundCents(exact(74).times(exact(50).minus(sold))).toFixed(2));
        const [account] = await store.db
          .select()
          .from(schema.accounts)
          .where(eq(schema.accounts.id, 'H1-IRA'));
        expect(account?.cash).toBe(
          exact(500)
            .plus(roundCents(sold.times('72.30')))
            .toFixed(2),
        );
      } finally {
        await store.close();
      }

      // The broker's executions for another order, as a CSV with one unreadable line; read
      // twice (as after a crash part way): booked once.
      const other = orders.find((o) => o.id !== sell!.id);
      expect(other).toBeDefined();
      const executions = join(home, 'executions.csv');
      writeFileSync(
        executions,
        'order_id,exec_id,quantity,price\n' +
          `${other!.id},E-1,${other!.quantity},100.5\n` +
          `${other!.id},E-2,-1,100.5\n`,
      );
      const first = await tailor('import-executions', executions, '--as', 'desk');
      expect(first.code).toBe(1);
      expect(first.stdout).toContain(
        `filled ${other!.quantity} shares at 100.5; the order is complete, booked to 1 account`,
      );
      expect(first.stdout).toContain(
        `${executions}: line 3: quantity: quantity must be a decimal number above 0 (like 12.5); got "-1"`,
      );
      expect(first.stdout).toMatch(/booked 1, already booked 0, refused 0; 1 unreadable/);
      const again = await tailor('import-executions', executions, '--as', 'desk');
      expect(again.stdout).toMatch(/booked 0, already booked 1, refused 0; 1 unreadable/);
    },
  );
});
