/** A fast-check generator of valid ledger requests, built from the rules the schema enforces. */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import type { LedgerRequest, LedgerTransaction, ReliefMethod } from '../../domain/ledger.js';

const id = fc.stringMatching(/^[A-Z][A-Z0-9.-]{0,5}$/);
const date = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const positive = fc.oneof(
  fc.integer({ min: 1, max: 1_000_000 }),
  fc.double({ min: 1e-6, max: 1e9, noNaN: true }),
);
const cents = fc.integer({ min: 0, max: 100_000_000 }).map((c) => c / 100);
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const ratio = fc.oneof(
  positive,
  fc
    .tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }))
    .map(([n, o]) => `${n}:${o}`),
);

function transactions(method: ReliefMethod, accounts: string[], securities: string[]) {
  const account = fc.constantFrom(...accounts);
  const security = fc.constantFrom(...securities);
  const trade = { date, account, security, price: positive, fee: cents };
  const buy = fc.record(
    { ...trade, side: fc.constant('buy' as const), quantity: positive },
    {
      requiredKeys: ['date', 'account', 'security', 'side', 'quantity', 'price'],
    },
  );
  const picks = fc.array(
    fc.integer({ min: 1, max: 1_000_000 }).map((n) => n / 1000),
    {
      minLength: 1,
      maxLength: 3,
    },
  );
  const sell = fc
    .record(
      { ...trade, proceeds: cents, picks },
      { requiredKeys: ['date', 'account', 'security', 'price', 'picks'] },
    )
    .map(({ picks: quantities, ...rest }) => {
      const quantity = quantities
        .reduce((sum, q) => sum.plus(String(q)), new Decimal(0))
        .toNumber();
      const lots = quantities.map((q, i) => ({ lot: `P${i}`, quantity: q }));
      return { ...rest, side: 'sell' as const, quantity, ...(method === 'SPECID' ? { lots } : {}) };
    });
  const corporate: fc.Arbitrary<LedgerTransaction>[] = [
    fc.record({ date, security, split: ratio }),
    fc.record({ date, security, renameTo: id }).filter((t) => t.renameTo !== t.security),
    fc.record({ date, security, returnOfCapital: positive }),
    fc
      .record({
        date,
        security,
        spinoff: fc.record({ security: id, ratio: positive, basisFraction: fraction }),
      })
      .filter((t) => t.spinoff.security !== t.security),
  ];
  return fc.array(fc.oneof(buy, sell, ...corporate), { maxLength: 12 });
}

/**
 * Valid ledger requests: unique account ids, every account named is listed, lot ids unique per
 * account, `lots` exactly on SPECID sells and summing to their quantity, disjoint wash groups.
 */
export const ledgerRequestArbitrary: fc.Arbitrary<LedgerRequest> = fc
  .record({
    method: fc.constantFrom<ReliefMethod>('FIFO', 'HIFO', 'SPECID', 'MINTAX'),
    accounts: fc.uniqueArray(id, { minLength: 1, maxLength: 4 }),
    securities: fc.uniqueArray(id, { minLength: 1, maxLength: 8 }),
  })
  .chain(({ method, accounts, securities }) =>
    fc.record(
      {
        method: fc.constant(method),
        accounts: fc.tuple(
          ...accounts.map((account) =>
            fc.record({
              id: fc.constant(account),
              taxStatus: fc.constantFrom('taxable', 'deferred', 'exempt'),
            }),
          ),
        ),
        washGroups: fc.constant(
          [securities.slice(0, 2), securities.slice(2, 5)].filter((g) => g.length > 0),
        ),
        transactions: transactions(method, accounts, securities),
        openingLots: fc.array(
          fc.record({
            account: fc.constantFrom(...accounts),
            security: fc.constantFrom(...securities),
            lot: fc.constant(''),
            quantity: positive,
            costBasis: cents,
            acquired: date,
          }),
          { maxLength: 4 },
        ),
      },
      { requiredKeys: ['method', 'accounts', 'transactions'] },
    ),
  )
  .map((request) => ({
    ...request,
    transactions: request.transactions.map((t, i) =>
      'side' in t && t.side === 'buy' && i % 2 === 0 ? { ...t, lot: `B${i}` } : t,
    ),
    ...(request.openingLots && {
      openingLots: request.openingLots.map((lot, i) => ({ ...lot, lot: `O${i}` })),
    }),
  }));
