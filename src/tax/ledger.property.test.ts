/**
 * Properties of the ledger over random valid household histories (test-support/random-history.ts):
 * conservation of shares and basis, the wash-sale bounds, relief optimality, determinism, that a
 * history can be continued from its open lots, and that a split restated in new shares changes
 * nothing but share counts. The last block compares the ledger with an
 * independent share-by-share oracle of the wash-sale rules (test-support/share-oracle.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  LedgerRequest,
  LedgerResponse,
  LedgerTransaction,
  OpeningLot,
  OpenLotLine,
  ReliefMethod,
  TradeTransaction,
} from '../domain/index.js';
import { deepFreeze } from '../domain/testing/deep-freeze.js';
import { toDay, toIso } from './calendar.js';
import { cents, exact, Exact, shares, sum, ZERO } from './exact.js';
import type { LedgerState, RealizedRecord } from './ledger-state.js';
import { compareBuyOrder, type Lot } from './lot.js';
import { replayExact } from './replay.js';
import { buy, household, openLot, replayOk, sell } from './test-support/history.js';
import {
  historyArbitrary,
  positionKey,
  type ArbitraryOptions,
} from './test-support/random-history.js';
import { Rational } from './test-support/rational.js';
import { oracleReplay, type Group } from './test-support/share-oracle.js';

const ALL: readonly ReliefMethod[] = ['FIFO', 'HIFO', 'MINTAX', 'SPECID'];
const AUTO: readonly ReliefMethod[] = ['FIFO', 'HIFO', 'MINTAX'];
/** The ledger computes with 50 significant digits: "exact" means equal to far below this. */
const EPSILON = new Exact('1e-25');

/**
 * `LEDGER_PROPERTY_SEED=random LEDGER_PROPERTY_SCALE=20 npx vitest run src/tax/ledger.property.test.ts`:
 * a longer hunt.
 */
const SCALE = Math.max(1, Number(process.env.LEDGER_PROPERTY_SCALE ?? 1) || 1);
/** A longer hunt outlasts the suite's 60-second test timeout: it gets SCALE times that. */
const TIMEOUT_MS = 60_000 * SCALE;

/**
 * CI runs a fixed seed so a landing is never decided by chance; explore new histories with
 * LEDGER_PROPERTY_SEED=random (or a number, such as the seed a failure reports) and
 * LEDGER_PROPERTY_SCALE.
 */
const SEED_SETTING = process.env.LEDGER_PROPERTY_SEED ?? '20261206';
const SEED = SEED_SETTING === 'random' ? undefined : Number(SEED_SETTING);

/**
 * fast-check parameters: `numRuns` cases, and a time cap so that shrinking a long history can never
 * stall the suite (a failure found before the cap is still reported, with the smallest case so far).
 */
function runs(numRuns: number): fc.Parameters<unknown> {
  return {
    numRuns: numRuns * SCALE,
    interruptAfterTimeLimit: 10_000 * SCALE,
    ...(SEED === undefined ? {} : { seed: SEED }),
  };
}

function near(a: Exact, b: Exact): boolean {
  return a.minus(b).abs().lessThanOrEqualTo(EPSILON);
}

function expectNear(actual: Exact, expected: Exact, what: string): void {
  if (!near(actual, expected)) {
    expect.fail(`${what}: ${actual.toString()} ≠ ${expected.toString()}`);
  }
}

function exactOk(request: LedgerRequest): LedgerState {
  const outcome = replayExact(request);
  if (outcome.status === 'error') {
    expect.fail(`expected the history to replay: ${JSON.stringify(outcome.problems)}`);
  }
  return outcome.state;
}

function describeRow(r: RealizedRecord): string {
  return `${toIso(r.day)} ${r.account} ${r.security} lot ${r.lot} (${r.kind}${r.taxable ? '' : ', not taxable'}) acquired ${toIso(r.acquired)} q ${r.quantity.toString()} proceeds ${r.proceeds.toString()} basis ${r.basis.toString()} disallowed ${r.disallowed.toString()}${r.permanent ? ' permanent' : ''}`;
}

function isTrade(tx: LedgerTransaction): tx is TradeTransaction {
  return 'side' in tx;
}

/** The sells of a request in replay order (date, then input order). */
function sellsInReplayOrder(request: LedgerRequest): TradeTransaction[] {
  return request.transactions
    .map((tx, i) => ({ tx, i, day: toDay(tx.date) }))
    .sort((a, b) => a.day - b.day || a.i - b.i)
    .map(({ tx }) => tx)
    .filter((tx): tx is TradeTransaction => isTrade(tx) && tx.side === 'sell');
}

/** Splits the sale rows of a replay by sale (rows of one sale are consecutive, in replay order). */
function rowsBySale(request: LedgerRequest, state: LedgerState): RealizedRecord[][] {
  const rows = state.realized.filter((r) => r.kind === 'sale');
  const out: RealizedRecord[][] = [];
  let next = 0;
  for (const tx of sellsInReplayOrder(request)) {
    const group: RealizedRecord[] = [];
    let need = exact(tx.quantity);
    while (!need.isZero()) {
      const row = rows[next++];
      if (!row) expect.fail(`sale of ${tx.quantity} ${tx.security} on ${tx.date} has no rows`);
      expect(row.day).toBe(toDay(tx.date));
      expect(row.account).toBe(tx.account);
      group.push(row);
      need = need.minus(row.quantity);
      expect(need.isNegative() && !need.isZero()).toBe(false);
    }
    out.push(group);
  }
  expect(next).toBe(rows.length);
  return out;
}

function netProceeds(tx: TradeTransaction): Exact {
  const gross =
    tx.proceeds === undefined ? exact(tx.quantity).times(exact(tx.price)) : exact(tx.proceeds);
  return gross.minus(exact(tx.fee ?? 0));
}

/**
 * `request` with a split of `security` (`newShares` for `oldShares`) after everything dated
 * `date`, and the security's later trades restated in new shares: quantities (and SPECID lot
 * quantities) × new ÷ old, prices and per-share returns of capital × old ÷ new. Fees and
 * explicit proceeds stay, so every dollar stays.
 */
function withSplit(
  request: LedgerRequest,
  security: string,
  date: string,
  newShares: number,
  oldShares: number,
): LedgerRequest {
  const shares = (v: number) => exact(v).times(newShares).div(oldShares).toNumber();
  const per = (v: number) => exact(v).times(oldShares).div(newShares).toNumber();
  const transactions = request.transactions.map((tx): LedgerTransaction => {
    if (tx.security !== security || tx.date <= date) return tx;
    if ('returnOfCapital' in tx) return { ...tx, returnOfCapital: per(tx.returnOfCapital) };
    if (!isTrade(tx)) return tx;
    const out: TradeTransaction = { ...tx, quantity: shares(tx.quantity), price: per(tx.price) };
    if (tx.lots) out.lots = tx.lots.map((l) => ({ ...l, quantity: shares(l.quantity) }));
    return out;
  });
  // Appended: it replays after every transaction dated `date` and before any later one.
  transactions.push({ date, security, split: `${newShares}:${oldShares}` });
  return { ...request, transactions };
}

/**
 * Property 11: the split of {@link withSplit}, inserted into `h` on its `dayChoice`-th date for its
 * `securityChoice`-th security, leaves every realized dollar, lot id and date as they were and
 * scales only that security's share counts (wash groups left out: rule 1 matches their members one
 * for one in their own shares, which a split of one member changes by design).
 */
function expectSplitInvisible(
  h: { request: LedgerRequest },
  securityChoice: number,
  dayChoice: number,
  newShares: number,
  oldShares: number,
): void {
  const base: LedgerRequest = { ...h.request };
  delete base.washGroups;
  const traded = [...new Set(base.transactions.map((tx) => tx.security))].sort();
  const days = [...new Set(base.transactions.map((tx) => tx.date))].sort();
  const security = traded[securityChoice % traded.length]!;
  const date = days[dayChoice % days.length]!;
  const before = exactOk(base);
  const after = exactOk(withSplit(base, security, date, newShares, oldShares));
  const scaled = (q: Exact, yes: boolean) => (yes ? q.times(newShares).div(oldShares) : q);
  expect(after.realized.length).toBe(before.realized.length);
  after.realized.forEach((row, i) => {
    const ref = before.realized[i]!;
    const what = `row ${i}: ${describeRow(row)} against ${describeRow(ref)}`;
    expect([row.lot, row.account, row.acquired, row.longTerm], what).toEqual([
      ref.lot,
      ref.account,
      ref.acquired,
      ref.longTerm,
    ]);
    const restated = row.security === security && row.day > toDay(date);
    expect(row.quantity.equals(scaled(ref.quantity, restated)), what).toBe(true);
    expectNear(row.proceeds, ref.proceeds, `${what}: proceeds`);
    expectNear(row.basis, ref.basis, `${what}: basis`);
    expectNear(row.disallowed, ref.disallowed, `${what}: disallowed`);
    expect(row.permanent, what).toBe(ref.permanent);
  });
  const ids = base.accounts.map((a) => a.id);
  const lotsBefore = before.holdings.all(ids);
  const lotsAfter = after.holdings.all(ids);
  expect(lotsAfter.map((l) => l.id)).toEqual(lotsBefore.map((l) => l.id));
  lotsAfter.forEach((lot, i) => {
    const ref = lotsBefore[i]!;
    expect(lot.quantity.equals(scaled(ref.quantity, lot.security === security)), lot.id).toBe(true);
    expectNear(lot.basis, ref.basis, `lot ${lot.id} basis`);
    expectNear(lot.washAdjustment, ref.washAdjustment, `lot ${lot.id} adjustment`);
    expect([lot.acquired, lot.bought], lot.id).toEqual([ref.acquired, ref.bought]);
  });
}

describe('ledger properties', { timeout: TIMEOUT_MS }, () => {
  // Any split ratio: the ledger rounds each position once, so the model's shares stay exact.
  const rich: Omit<ArbitraryOptions, 'methods'> = {
    splits: 'any',
    renames: true,
    returnsOfCapital: true,
    spinoffs: true,
  };

  it('1. conserves shares: per account and security, open quantity = opening + buys − sells, scaled by splits and spin-offs; lots stay in buy order', () => {
    fc.assert(
      fc.property(historyArbitrary({ ...rich, methods: ALL }), (h) => {
        const state = exactOk(h.request);
        const open = new Map<string, Exact>();
        let previous: Lot | undefined;
        for (const lot of state.holdings.all(h.request.accounts.map((a) => a.id))) {
          expect(lot.quantity.isPositive() && !lot.quantity.isZero()).toBe(true);
          const key = positionKey(lot.account, lot.security);
          // Each holding's lots stay in buy order (adjusted parts of a lot before the rest).
          if (previous && positionKey(previous.account, previous.security) === key) {
            expect(
              compareBuyOrder(previous, lot),
              `${previous.id} before ${lot.id}`,
            ).toBeLessThanOrEqual(0);
          }
          previous = lot;
          open.set(key, (open.get(key) ?? ZERO).plus(lot.quantity));
        }
        const expected = h.expectedShares;
        for (const [key, quantity] of expected) {
          expect(`${key} ${(open.get(key) ?? ZERO).toString()}`).toBe(
            `${key} ${quantity.toString()}`,
          );
        }
        for (const key of open.keys()) expect(expected.has(key)).toBe(true);
      }),
      runs(600),
    );
  });

  it('2. every sale: rows sum to its shares and net proceeds, and each row gains proceeds − basis', () => {
    fc.assert(
      fc.property(historyArbitrary({ ...rich, splits: 'any', methods: ALL }), (h) => {
        const state = exactOk(h.request);
        const response = replayOk(h.request);
        const sells = sellsInReplayOrder(h.request);
        rowsBySale(h.request, state).forEach((rows, i) => {
          const tx = sells[i]!;
          expect(sum(rows.map((r) => r.quantity)).equals(exact(tx.quantity))).toBe(true);
          expectNear(sum(rows.map((r) => r.proceeds)), netProceeds(tx), 'Σ proceeds');
        });
        // Σ gains = Σ proceeds − Σ relieved basis, exactly, over the whole history ...
        const gains = sum(state.realized.map((r) => r.proceeds.minus(r.basis)));
        const proceeds = sum(state.realized.map((r) => r.proceeds));
        const basis = sum(state.realized.map((r) => r.basis));
        expectNear(gains, proceeds.minus(basis), 'Σ gain');
        // ... and every reported line is the exact line rounded once, within a cent of its parts.
        response.realized.forEach((line, i) => {
          const r = state.realized[i]!;
          expect(line.gain).toBe(cents(r.proceeds.minus(r.basis)));
          expect(line.proceeds).toBe(cents(r.proceeds));
          expect(line.costBasis).toBe(cents(r.basis));
          const drift = exact(line.gain).minus(exact(line.proceeds).minus(exact(line.costBasis)));
          expect(drift.abs().lessThanOrEqualTo('0.01')).toBe(true);
        });
      }),
      runs(500),
    );
  });

  it('3. conserves basis: open + relieved = buys + fees + opening + wash adjustments − returns of capital (9: chains carry the adjustment)', () => {
    fc.assert(
      fc.property(historyArbitrary({ ...rich, methods: ALL }), (h) => {
        const state = exactOk(h.request);
        const open = state.holdings.all(h.request.accounts.map((a) => a.id));
        const openBasis = sum(open.map((l) => l.basis));
        const sales = state.realized.filter((r) => r.kind === 'sale');
        const relieved = sum(sales.map((r) => r.basis));
        const rocPastZero = sum(
          state.realized.filter((r) => r.kind === 'returnOfCapital').map((r) => r.proceeds),
        );
        const rocApplied = h.returnOfCapital.minus(rocPastZero);
        // The basis wash sales added to replacement lots, by conservation.
        const added = openBasis
          .plus(relieved)
          .plus(rocApplied)
          .minus(h.buyCosts)
          .minus(h.openingBasis);
        const disallowed = sum(sales.map((r) => r.disallowed));
        const notPermanent = sum(sales.filter((r) => !r.permanent).map((r) => r.disallowed));
        if (sales.some((r) => r.permanent)) {
          // A row can be part permanent (IRA replacement), part carried (taxable replacement).
          expect(added.plus(EPSILON).greaterThanOrEqualTo(notPermanent)).toBe(true);
          expect(added.minus(EPSILON).lessThanOrEqualTo(disallowed)).toBe(true);
        } else {
          expectNear(added, disallowed, 'basis added by wash sales');
        }
        const stillOpen = sum(open.map((l) => l.washAdjustment));
        expect(stillOpen.minus(EPSILON).lessThanOrEqualTo(added)).toBe(true);
        for (const lot of open) {
          expect(lot.basis.isNegative() && !lot.basis.isZero()).toBe(false);
          expect(lot.washAdjustment.isNegative() && !lot.washAdjustment.isZero()).toBe(false);
        }
      }),
      runs(600),
    );
  });

  it('3b. with only taxable accounts, every disallowed cent lands in some basis', () => {
    fc.assert(
      fc.property(historyArbitrary({ splits: 'any', allTaxable: true, methods: ALL }), (h) => {
        const state = exactOk(h.request);
        const open = state.holdings.all(h.request.accounts.map((a) => a.id));
        const sales = state.realized.filter((r) => r.kind === 'sale');
        expect(sales.some((r) => r.permanent)).toBe(false);
        const added = sum(open.map((l) => l.basis))
          .plus(sum(sales.map((r) => r.basis)))
          .minus(h.buyCosts)
          .minus(h.openingBasis);
        expectNear(added, sum(sales.map((r) => r.disallowed)), 'basis added by wash sales');
      }),
      runs(400),
    );
  });

  it('4. disallowance never exceeds the loss, and is zero on gains and in non-taxable accounts', () => {
    fc.assert(
      fc.property(historyArbitrary({ ...rich, splits: 'any', methods: ALL }), (h) => {
        const state = exactOk(h.request);
        const response = replayOk(h.request);
        state.realized.forEach((r, i) => {
          const loss = r.basis.minus(r.proceeds);
          const row = describeRow(r);
          expect(r.disallowed.isNegative() && !r.disallowed.isZero(), row).toBe(false);
          if (!loss.isPositive() || loss.isZero() || !r.taxable || r.kind !== 'sale') {
            expect(r.disallowed.isZero(), `nothing disallowed: ${row}`).toBe(true);
            expect(r.permanent, `not permanent: ${row}`).toBe(false);
          } else {
            expect(r.disallowed.lessThanOrEqualTo(loss), `disallowed ≤ loss: ${row}`).toBe(true);
          }
          if (r.permanent)
            expect(r.disallowed.isZero(), `permanent ⇒ disallowed: ${row}`).toBe(false);
          const line = response.realized[i]!;
          expect(line.washSaleDisallowed).toBeGreaterThanOrEqual(0);
          expect(line.washSaleDisallowed).toBeLessThanOrEqual(Math.max(0, -line.gain));
          if (!r.taxable) expect(line.washSaleDisallowed).toBe(0);
        });
      }),
      runs(600),
    );
  });

  it('5. HIFO realizes the least gain on a sale: ≤ FIFO and ≤ MINTAX on the same history', () => {
    fc.assert(
      fc.property(
        historyArbitrary({
          ...rich,
          splits: 'any',
          sells: false,
          finalSale: true,
          methods: ['HIFO'],
        }),
        (h) => {
          const gain = (method: ReliefMethod): Exact =>
            sum(
              exactOk({ ...h.request, method })
                .realized.filter((r) => r.kind === 'sale')
                .map((r) => r.proceeds.minus(r.basis)),
            );
          const hifo = gain('HIFO');
          expect(hifo.minus(EPSILON).lessThanOrEqualTo(gain('FIFO'))).toBe(true);
          expect(hifo.minus(EPSILON).lessThanOrEqualTo(gain('MINTAX'))).toBe(true);
        },
      ),
      runs(500),
    );
  });

  it('6. replay is deterministic, and the input order of transactions on different dates does not matter', () => {
    fc.assert(
      fc.property(
        historyArbitrary({ ...rich, splits: 'any', methods: ALL }),
        fc.array(fc.nat(), { minLength: 200, maxLength: 200 }),
        (h, keys) => {
          const first = replayOk(h.request);
          expect(replayOk(h.request)).toEqual(first);
          // Shuffle, then put each date's transactions back in their given order.
          const n = h.request.transactions.length;
          const shuffled = [...Array(n).keys()].sort(
            (a, b) => (keys[a % keys.length] ?? 0) - (keys[b % keys.length] ?? 0) || a - b,
          );
          const byDate = new Map<string, number[]>();
          for (let i = 0; i < n; i++) {
            const date = h.request.transactions[i]!.date;
            byDate.set(date, [...(byDate.get(date) ?? []), i]);
          }
          const taken = new Map<string, number>();
          const from = shuffled.map((i) => {
            const date = h.request.transactions[i]!.date;
            const k = taken.get(date) ?? 0;
            taken.set(date, k + 1);
            return byDate.get(date)![k]!;
          });
          const request = {
            ...h.request,
            transactions: from.map((i) => h.request.transactions[i]!),
          };
          // Generated lot ids name the transaction's index: map them back before comparing.
          const back = (id: string): string =>
            id.replace(/#(\d+)/g, (_, j: string) => `#${from[Number(j)]!}`);
          const again = replayOk(request);
          expect({
            ...again,
            realized: again.realized.map((l) => ({ ...l, lot: back(l.lot) })),
            openLots: again.openLots.map((l) => ({ ...l, lot: back(l.lot) })),
          }).toEqual(first);
        },
      ),
      runs(500),
    );
  });

  /** Quiet dates: no transaction within 30 days on either side. */
  function quietDates(request: LedgerRequest): number[] {
    const days = [...new Set(request.transactions.map((tx) => toDay(tx.date)))].sort(
      (a, b) => a - b,
    );
    const out: number[] = [];
    for (let i = 1; i < days.length; i++) {
      if (days[i]! - days[i - 1]! >= 62) out.push(days[i - 1]! + 31);
    }
    return out;
  }

  /** The second half of a history split at `day`, opening with `openingLots`. */
  function continuation(
    request: LedgerRequest,
    day: number,
    openingLots: OpeningLot[],
  ): LedgerRequest {
    const before = request.transactions.filter((tx) => toDay(tx.date) < day);
    // Ticker changes of the first half join the new names to their wash groups.
    const washGroups = (request.washGroups ?? []).map((g) => [...g]);
    for (const tx of before) {
      if (!('renameTo' in tx)) continue;
      for (const g of washGroups) if (g.includes(tx.security)) g.push(tx.renameTo);
    }
    const rest: LedgerRequest = {
      method: request.method,
      accounts: request.accounts,
      transactions: request.transactions.filter((tx) => toDay(tx.date) > day),
    };
    if (washGroups.length > 0) rest.washGroups = washGroups;
    if (openingLots.length > 0) rest.openingLots = openingLots;
    return rest;
  }

  function firstHalf(request: LedgerRequest, day: number): LedgerRequest {
    return { ...request, transactions: request.transactions.filter((tx) => toDay(tx.date) < day) };
  }

  /** Open lots without the wash-sale adjustment of lots bought before `day` (openingLots cannot carry it). */
  function comparable(lots: readonly OpenLotLine[], day: number): Partial<OpenLotLine>[] {
    return lots.map((l) => {
      const bought = toDay(l.bought ?? l.acquired);
      return bought > day ? l : { ...l, washSaleAdjustment: undefined };
    });
  }

  function addTotals(a: LedgerResponse['totals'], b: LedgerResponse['totals']) {
    const add = (x: number, y: number) => exact(x).plus(exact(y)).toNumber();
    return {
      shortTerm: add(a.shortTerm, b.shortTerm),
      longTerm: add(a.longTerm, b.longTerm),
      washSaleDisallowed: add(a.washSaleDisallowed, b.washSaleDisallowed),
    };
  }

  it('6b. replay leaves its request as it found it: a write to any part of it would throw', () => {
    fc.assert(
      fc.property(historyArbitrary({ ...rich, splits: 'any', methods: ALL }), (h) => {
        const before = structuredClone(h.request);
        deepFreeze(h.request);
        replayOk(h.request);
        expect(h.request).toEqual(before);
      }),
      runs(40),
    );
  });

  it('7. a history split at a quiet date and continued from its exact open lots gives the same rows and lots', () => {
    fc.assert(
      fc.property(
        historyArbitrary({
          ...rich,
          splits: 'any',
          quietGaps: true,
          explicitLotIds: true,
          methods: ALL,
        }),
        (h) => {
          const whole = replayOk(h.request);
          for (const day of quietDates(h.request)) {
            const part1 = firstHalf(h.request, day);
            const first = replayOk(part1);
            const state = exactOk(part1);
            const opening = state.holdings.all(h.request.accounts.map((a) => a.id)).map((l) => {
              const lot: OpeningLot = {
                account: l.account,
                security: l.security,
                lot: l.id,
                quantity: shares(l.quantity),
                // The exact 50-digit basis, as the decimal text `exact()` reads: a JSON number
                // (17 digits) could break a tie of two lots' unit costs that the whole replay had.
                costBasis: l.basis.toString() as unknown as number,
                acquired: toIso(l.acquired),
              };
              if (l.bought !== l.acquired) lot.bought = toIso(l.bought);
              return lot;
            });
            const second = replayOk(continuation(h.request, day, opening));
            expect([...first.realized, ...second.realized]).toEqual(whole.realized);
            expect(comparable(second.openLots, day)).toEqual(comparable(whole.openLots, day));
            expect(addTotals(first.totals, second.totals)).toEqual(whole.totals);
          }
        },
      ),
      runs(400),
    );
  });

  it('8. totals are sums of the rounded taxable lines, net of disallowances', () => {
    fc.assert(
      fc.property(historyArbitrary({ ...rich, splits: 'any', methods: ALL }), (h) => {
        const response = replayOk(h.request);
        const taxable = new Set(
          h.request.accounts.filter((a) => a.taxStatus === 'taxable').map((a) => a.id),
        );
        const lines = response.realized.filter((l) => taxable.has(l.account));
        const net = (term: 'short' | 'long') =>
          sum(
            lines
              .filter((l) => l.term === term)
              .map((l) => exact(l.gain).plus(exact(l.washSaleDisallowed))),
          ).toNumber();
        expect(response.totals).toEqual({
          shortTerm: net('short'),
          longTerm: net('long'),
          washSaleDisallowed: sum(lines.map((l) => exact(l.washSaleDisallowed))).toNumber(),
        });
        for (const l of response.realized) {
          if (!taxable.has(l.account)) expect(l.washSaleDisallowed).toBe(0);
        }
      }),
      runs(600),
    );
  });
});

describe('ledger against the share-by-share oracle', { timeout: TIMEOUT_MS }, () => {
  const toRational = (e: Exact): Rational => Rational.of(e.toFixed());
  const EPS = Rational.of('1e-25');
  const same = (a: Rational, b: Rational): boolean => a.minus(b).abs().cmp(EPS) <= 0;

  function expectGroups(actual: Map<string, Group>, expected: Map<string, Group>, what: string) {
    const show = (m: Map<string, Group>) =>
      [...m.values()]
        .sort((a, b) => a.key.localeCompare(b.key))
        .map(
          (g) =>
            `${g.key}: q=${g.quantity} p=${g.proceeds} b=${g.basis} d=${g.disallowed} adj=${g.adjustment}${g.permanent ? ' permanent' : ''}`,
        )
        .join('\n');
    const ok =
      actual.size === expected.size &&
      [...expected].every(([key, e]) => {
        const a = actual.get(key);
        return (
          a !== undefined &&
          a.quantity.cmp(e.quantity) === 0 &&
          same(a.proceeds, e.proceeds) &&
          same(a.basis, e.basis) &&
          same(a.disallowed, e.disallowed) &&
          same(a.adjustment, e.adjustment) &&
          a.permanent === e.permanent
        );
      });
    if (!ok) expect.fail(`${what}\nledger:\n${show(actual)}\noracle:\n${show(expected)}`);
  }

  function group(
    groups: Map<string, Group>,
    key: string,
    values: Omit<Group, 'key'>,
  ): Map<string, Group> {
    const g = groups.get(key);
    groups.set(
      key,
      g
        ? {
            key,
            quantity: g.quantity.plus(values.quantity),
            proceeds: g.proceeds.plus(values.proceeds),
            basis: g.basis.plus(values.basis),
            disallowed: g.disallowed.plus(values.disallowed),
            adjustment: g.adjustment.plus(values.adjustment),
            permanent: g.permanent || values.permanent,
          }
        : { key, ...values },
    );
    return groups;
  }

  it('10. realized rows and open lots match the oracle (wash rules 1–9, FIFO / HIFO / MINTAX)', () => {
    fc.assert(
      fc.property(
        historyArbitrary({ integerQuantities: true, maxQuantity: 12, methods: AUTO }),
        (h) => {
          const state = exactOk(h.request);
          const oracle = oracleReplay(h.request);
          rowsBySale(h.request, state).forEach((rows, i) => {
            const actual = new Map<string, Group>();
            for (const r of rows) {
              group(actual, `${r.acquired}|${r.longTerm ? 'long' : 'short'}`, {
                quantity: toRational(r.quantity),
                proceeds: toRational(r.proceeds),
                basis: toRational(r.basis),
                disallowed: toRational(r.disallowed),
                adjustment: Rational.ZERO,
                permanent: r.permanent,
              });
            }
            expectGroups(actual, oracle.sales[i]!, `sale #${i}`);
          });
          const open = new Map<string, Group>();
          for (const l of state.holdings.all(h.request.accounts.map((a) => a.id))) {
            group(open, `${l.account}|${l.security}|${l.acquired}|${l.bought}`, {
              quantity: toRational(l.quantity),
              proceeds: Rational.ZERO,
              basis: toRational(l.basis),
              disallowed: Rational.ZERO,
              adjustment: toRational(l.washAdjustment),
              permanent: false,
            });
          }
          expectGroups(open, oracle.open, 'open lots');
        },
      ),
      runs(800),
    );
  });

  it("11. a k-for-1 split inserted into a history, with the later trades of its security restated in new shares, changes nothing but that security's share counts", () => {
    fc.assert(
      fc.property(
        historyArbitrary({ splits: 'exact', returnsOfCapital: true, methods: ALL }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(2, 4, 5, 10),
        (h, securityChoice, dayChoice, k) =>
          expectSplitInvisible(h, securityChoice, dayChoice, k, 1),
      ),
      runs(400),
    );
  });

  // Whole shares and no other splits: every position (and every wash-sale part, matched share by
  // share) divides by k within the ledger's 6 decimals, so the reverse split is exact too.
  it('11b. so does a 1-for-k reverse split (10 new shares bought back after a 1-for-10 split replace 100 sold)', () => {
    fc.assert(
      fc.property(
        historyArbitrary({ integerQuantities: true, returnsOfCapital: true, methods: ALL }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(2, 4, 5, 10),
        (h, securityChoice, dayChoice, k) =>
          expectSplitInvisible(h, securityChoice, dayChoice, 1, k),
      ),
      runs(400),
    );
  });

  it('9. a chain: a replacement sold later carries the disallowed loss in its basis and the tacked start', () => {
    fc.assert(
      fc.property(
        fc.record({
          q1: fc.integer({ min: 1, max: 50 }),
          q2: fc.integer({ min: 1, max: 50 }),
          p1: fc.integer({ min: 1000, max: 5000 }),
          drop: fc.integer({ min: 1, max: 900 }),
          p3: fc.integer({ min: 100, max: 5000 }),
          held: fc.integer({ min: 1, max: 500 }),
          gap: fc.integer({ min: -30, max: 30 }),
          later: fc.integer({ min: 31, max: 600 }),
          where: fc.constantFrom('same', 'other', 'group', 'ira'),
        }),
        (c) => {
          const d0 = toDay('2022-01-03');
          const d1 = d0 + c.held;
          // In the same holding the replacement must come after FIRST, or FIFO would sell it.
          const d2 = d1 + (c.where === 'same' ? Math.max(c.gap, 1 - c.held) : c.gap);
          const d3 = Math.max(d1, d2) + c.later;
          const account = c.where === 'other' ? 'B' : c.where === 'ira' ? 'IRA' : 'A';
          const security = c.where === 'group' ? 'IVV' : 'SPY';
          const p1 = c.p1 / 100;
          const p2 = (c.p1 - c.drop) / 100;
          const p3 = c.p3 / 100;
          const trades: TradeTransaction[] = [
            {
              date: toIso(d0),
              account: 'A',
              security: 'SPY',
              side: 'buy',
              quantity: c.q1,
              price: p1,
              lot: 'FIRST',
            },
            {
              date: toIso(d1),
              account: 'A',
              security: 'SPY',
              side: 'sell',
              quantity: c.q1,
              price: p2,
            },
            {
              date: toIso(d2),
              account,
              security,
              side: 'buy',
              quantity: c.q2,
              price: p3,
              lot: 'REPL',
            },
            { date: toIso(d3), account, security, side: 'sell', quantity: c.q2, price: p3 },
          ];
          const state = exactOk({
            method: 'FIFO',
            accounts: [
              { id: 'A', taxStatus: 'taxable' },
              { id: 'B', taxStatus: 'taxable' },
              { id: 'IRA', taxStatus: 'deferred' },
            ],
            washGroups: [['SPY', 'IVV']],
            transactions: trades,
          });
          const [loss, ...later] = state.realized;
          const matched = Math.min(c.q1, c.q2);
          const disallowed = exact(c.drop).div(100).times(matched);
          expectNear(loss!.disallowed, disallowed, 'disallowed');
          expect(loss!.permanent).toBe(c.where === 'ira');
          const carried = c.where === 'ira' ? ZERO : disallowed;
          expectNear(
            sum(later.map((r) => r.basis)),
            exact(c.q2).times(exact(p3)).plus(carried),
            'replacement basis',
          );
          const tacked = later.filter((r) => r.lot.startsWith('REPL'))[0]!;
          if (c.where !== 'ira') expect(toIso(tacked.acquired)).toBe(toIso(d2 - c.held));
          const taxableLater = c.where === 'ira' ? [] : later;
          for (const r of taxableLater) expect(r.disallowed.isZero()).toBe(true);
        },
      ),
      runs(500),
    );
  });
});

describe('regressions found by the properties', () => {
  // Property 8 (LEDGER_PROPERTY_SEED=random, 20×, seed −2115451805): a 3-for-2 split shared the
  // position's last millionths among all its lots at once, so a purchase split into parts by a
  // wash sale could lose a millionth to another purchase. The history's SPECID sale of the whole
  // purchase (67.89 × 1.5 = 101.835 shares, in parts of 13.0414995 and 88.7935005) was refused:
  // its parts held 101.834999. Here: R's parts 1.000001 and 0.999999, then P of 0.333333.
  it('a split keeps each purchase whole when its parts round apart', () => {
    const request = household(
      { A: 'taxable' },
      [
        buy('2024-01-02', 'A', 'X', 1.000001, 10, 'L0'),
        sell('2024-02-01', 'A', 'X', 1.000001, 8, { lots: [{ lot: 'L0', quantity: 1.000001 }] }),
        buy('2024-02-05', 'A', 'X', 2, 8, 'R'),
        buy('2024-02-06', 'A', 'X', 0.333333, 8, 'P'),
        { date: '2024-03-01', security: 'X', split: '3:2' },
      ],
      { method: 'SPECID' },
    );
    // 1.5000015 + 1.4999985 = 3 for R, 0.4999995 for P: the position's 3.5 has two millionths
    // to give after rounding down. Shared among the three lots at once (half a millionth over
    // each), both went to R's parts, the first lots: R 3.000001, P 0.499999. By purchase, P gets
    // one and R's parts the other.
    expect(replayOk(request).openLots.map((l) => [l.lot, l.quantity])).toEqual([
      ['R.1', 1.500002],
      ['R.2', 1.499998],
      ['P', 0.5],
    ]);
    const sold = replayOk({
      ...request,
      transactions: [
        ...request.transactions,
        sell('2024-03-05', 'A', 'X', 0.5, 9, { lots: [{ lot: 'P', quantity: 0.5 }] }),
        sell('2024-03-05', 'A', 'X', 3, 9, { lots: [{ lot: 'R', quantity: 3 }] }),
      ],
    });
    expect(sold.openLots).toEqual([]);
  });

  // Property 10 (oracle), FIFO: a lot split twice by wash sales in one sale listed its remainder
  // before the part split off first (the part was added before it was marked as adjusted), so a
  // later FIFO sale relieved the later-adjusted part first and openLots were out of buy order.
  it('a held lot split by two loss lines keeps its parts in buy order, first adjusted first', () => {
    const request = household({ A: 'taxable' }, [
      buy('2024-01-02', 'A', 'X', 1, 10, 'L0'),
      buy('2024-01-03', 'A', 'X', 1, 12, 'L1'),
      buy('2024-01-04', 'A', 'X', 2, 9, 'R'),
      sell('2024-01-10', 'A', 'X', 2, 8),
    ]);
    expect(
      replayOk(request).openLots.map((l) => [l.lot, l.costBasis, l.acquired, l.washSaleAdjustment]),
    ).toEqual([
      ['R.1', 11, '2023-12-27', 2],
      ['R.2', 13, '2023-12-28', 4],
    ]);
    const later = replayOk({
      ...request,
      transactions: [...request.transactions, sell('2024-03-01', 'A', 'X', 1, 9)],
    });
    expect(later.realized[2]).toMatchObject({ lot: 'R.1', costBasis: 11, acquired: '2023-12-27' });
  });

  // Property 10 (oracle), MINTAX: two lots with equal unit cost in exact arithmetic differed in the
  // 50th digit, and that noise, not buy order (rule 9), decided which one a sale relieved.
  it('HIFO ties of lots equal in exact arithmetic go by buy order, not by rounding noise', () => {
    const r = replayOk(
      household(
        { A: 'taxable', IRA: 'deferred' },
        [
          buy('2024-01-02', 'A', 'X', 10, 20, 'L1'),
          buy('2024-01-05', 'IRA', 'X', 3, 10, 'P'),
          // Loss of 5; its replacement is 1 of P's 3 shares, in the IRA (permanent): P splits into
          // P.1 (1 share) and P.2 (2 shares), both $10 a share; 30 × (1 ÷ 3) is not exact.
          sell('2024-01-10', 'A', 'X', 1, 15),
          sell('2024-03-01', 'IRA', 'X', 1, 12),
        ],
        { method: 'HIFO' },
      ),
    );
    expect(r.realized[0]).toMatchObject({ washSaleDisallowed: 5, washSalePermanent: true });
    expect(r.realized[1]).toMatchObject({ lot: 'P.1', costBasis: 10 });
  });

  // Property 4: a line whose replacement came in two pieces disallowed loss × 2/8 + loss × 6/8,
  // one 50-digit unit more than its loss.
  it('a fully replaced loss line disallows exactly its loss', () => {
    const outcome = replayExact(
      household({ A: 'taxable' }, [
        buy('2024-01-02', 'A', 'X', 1, 5, 'L0'),
        buy('2024-01-03', 'A', 'X', 8, 12, 'L1'),
        // 9 shares for 100: L1's 8 get 800/9 of the proceeds, a loss of 7.111… that never ends.
        sell('2024-02-01', 'A', 'X', 9, 10, { proceeds: 100 }),
        buy('2024-02-05', 'A', 'X', 2, 11, 'R1'),
        buy('2024-02-06', 'A', 'X', 6, 11, 'R2'),
      ]),
    );
    if (outcome.status !== 'ok') expect.fail('expected the history to replay');
    const line = outcome.state.realized[1]!;
    expect(line.lot).toBe('L1');
    expect(line.disallowed.equals(line.basis.minus(line.proceeds))).toBe(true);
  });

  // The totals are summed in whole cents; amounts past 2^52 cents take the decimal path instead.
  it('totals stay the sums of the lines for amounts too large to sum in whole cents', () => {
    const r = replayOk(
      household({ A: 'taxable' }, [
        buy('2024-01-02', 'A', 'X', 1, 0.01, 'L1'),
        buy('2024-01-02', 'A', 'X', 1, 0.01, 'L2'),
        sell('2024-02-01', 'A', 'X', 1, 60_000_000_000_000.5),
        sell('2024-02-02', 'A', 'X', 1, 0.5),
      ]),
    );
    expect(r.realized.map((l) => l.gain)).toEqual([60_000_000_000_000.49, 0.49]);
    expect(r.totals.shortTerm).toBe(exact(60_000_000_000_000.49).plus(exact(0.49)).toNumber());
  });

  // Property 7: a return of capital past zero basis realized its rows in the order accounts had
  // received their first lot, so a history continued from its open lots listed them differently.
  it('a return of capital past zero basis realizes rows in the order of the accounts', () => {
    const r = replayOk(
      household({ A: 'taxable', B: 'taxable' }, [
        buy('2024-01-02', 'B', 'X', 1, 10, 'LB'),
        buy('2024-01-03', 'A', 'X', 1, 10, 'LA'),
        { date: '2024-02-01', security: 'X', returnOfCapital: 15 },
      ]),
    );
    expect(r.realized.map((l) => [l.account, l.kind, l.gain])).toEqual([
      ['A', 'returnOfCapital', 5],
      ['B', 'returnOfCapital', 5],
    ]);
  });

  // Property 10 (oracle), FIFO: a lot's last share carried a basis 3 × 10⁻⁴⁹ above its exact value
  // (relieved pro rata five times at 50 digits), and a sale at exactly that basis counted as a loss:
  // it split a later purchase and tacked its holding period back 59 days. The oracle, in exact
  // arithmetic, saw no loss.
  it('a sale at exactly its basis is no loss, whatever the 50-digit noise of that basis', () => {
    const r = replayOk(
      household({ A: 'taxable' }, [
        buy('2024-01-02', 'A', 'X', 6, 3, 'L', { fee: 2 }), // 20 for 6 shares: 10/3 a share
        buy('2024-01-03', 'A', 'X', 3, 3, 'M'),
        ...Array.from({ length: 5 }, () => sell('2024-02-01', 'A', 'X', 1, 7)),
        // L's last share and 2 of M for 10: L's line has proceeds 10/3, exactly its basis.
        sell('2024-03-01', 'A', 'X', 3, 3.33, { proceeds: 10 }),
        buy('2024-03-10', 'A', 'X', 1, 3.4, 'R'),
      ]),
    );
    expect(r.realized[5]).toMatchObject({ lot: 'L', gain: 0, washSaleDisallowed: 0 });
    expect(openLot(r, 'R')).toMatchObject({ acquired: '2024-03-10', washSaleAdjustment: 0 });
  });

  // Property 3b (every disallowed cent lands in some basis): a lot a reverse split rounded to 0
  // shares kept its basis, as docs/tax.md says, only until the next sale of its holding, which
  // pruned it with the lots that sale relieved, and its basis was gone from the ledger.
  it('a lot a reverse split rounds to 0 shares stays open after later sales', () => {
    const r = replayOk(
      household({ A: 'taxable' }, [
        buy('2024-01-02', 'A', 'X', 0.000001, 50000, 'T'), // $0.05 for a millionth of a share
        { date: '2024-02-01', security: 'X', split: '1:3' },
        buy('2024-02-02', 'A', 'X', 1, 10, 'L'),
        sell('2024-03-01', 'A', 'X', 1, 11),
      ]),
    );
    expect(r.realized.map((l) => l.lot)).toEqual(['L']);
    expect(r.openLots.map((l) => [l.lot, l.quantity, l.costBasis])).toEqual([['T', 0, 0.05]]);
  });

  // Found with the one above: such a lot, bought in an IRA within 30 days of a taxable loss sale,
  // was matched as a replacement of 0 shares, and the loss was reported permanently disallowed.
  it('a lot of 0 shares replaces nothing', () => {
    const r = replayOk(
      household({ A: 'taxable', IRA: 'deferred' }, [
        buy('2024-01-02', 'A', 'X', 10, 10, 'L'),
        buy('2024-02-01', 'IRA', 'X', 0.000001, 10, 'Z'),
        { date: '2024-02-01', security: 'X', split: '1:3' },
        sell('2024-02-10', 'A', 'X', 3, 25),
      ]),
    );
    expect(r.realized).toHaveLength(1);
    expect(r.realized[0]).toMatchObject({ lot: 'L', gain: -15, washSaleDisallowed: 0 });
    expect(r.realized[0]!.washSalePermanent).toBeUndefined();
    expect(openLot(r, 'Z')).toMatchObject({ quantity: 0, acquired: '2024-02-01' });
  });

  // Property 8 (60 transactions, shrunk to this): a purchase a wash sale had split into parts lost
  // a millionth of a share in a reverse split, each part rounded on its own; a later sale of the
  // whole position was then refused as a short sale.
  it('a reverse split keeps the position of a purchase split into wash-sale parts', () => {
    const request = household(
      { A: 'taxable' },
      [
        buy('2024-01-02', 'A', 'Y', 1, 20, 'L0'),
        sell('2024-01-10', 'A', 'Y', 0.333333, 15),
        sell('2024-01-11', 'A', 'Y', 0.333333, 15),
        // The replacement for both loss sales: R.1, R.2.1 and R.2.2 of 0.333333, 0.333333 and
        // 0.333334 shares; one tenth of each has a 7th decimal below 5.
        buy('2024-01-15', 'A', 'X', 1, 15, 'R'),
        { date: '2024-02-01', security: 'X', split: '1:10' },
        sell('2024-02-02', 'A', 'X', 0.1, 160),
      ],
      { washGroups: [['X', 'Y']] },
    );
    const r = replayOk(request);
    expect(r.realized.filter((l) => l.security === 'X').map((l) => [l.lot, l.quantity])).toEqual([
      ['R.1', 0.033333],
      ['R.2.1', 0.033333],
      ['R.2.2', 0.033334],
    ]);
    expect(r.openLots.filter((l) => l.security === 'X')).toEqual([]);
  });
});
