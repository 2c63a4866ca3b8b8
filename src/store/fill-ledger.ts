/**
 * Booking one account's part of a fill into its lots through the tax ledger: the household's
 * open lots of the security (and of any security sharing its wash group) go in as opening lots,
 * the fill as one buy or sell, and what the ledger leaves open replaces the lots it changed. So
 * a buy opens a lot dated the fill date with basis quantity × price (to the cent), a sell
 * relieves exactly the lots its proposal named (specific identification), and a loss sale's
 * wash-sale adjustment lands on replacement lots the household bought in the 30 days before.
 *
 * What the lots table cannot carry, the ledger cannot see: a lot's original purchase date when
 * its holding period was tacked, and whether it already replaced sold shares. A purchase after
 * a loss sale is not matched back to it here (the engine avoids proposing one).
 */
import { and, eq, inArray, like, or } from 'drizzle-orm';
import type { LedgerRequest, LotPick, OpeningLot, TradeTransaction } from '../domain/index.js';
import { groupBy } from '../domain/index.js';
import { exact, replayExact, roundCents, sum, toIso, type Exact } from '../tax/index.js';
import { realizedLine } from '../tax/ledger-output.js';
import type { Lot } from '../tax/lot.js';
import { chunksOf, selectInChunks } from './id-chunks.js';
import { insertLots } from './insert-lots.js';
import type { Db } from './open-store.js';
import { accounts, lots, securities } from './schema/index.js';

/** One account's part of a filled order. */
export interface FillLine {
  householdId: string;
  accountId: string;
  securityId: string;
  side: 'buy' | 'sell';
  quantity: Exact;
  price: Exact;
  /** The fill date, YYYY-MM-DD. */
  date: string;
  /** Buy: the new lot's id (unique within the account). */
  lotId?: string;
  /** Sell: the lots the proposal named; absent: first in, first out. */
  picks?: LotPick[];
}

/**
 * What the ledger booked: realized gain (sells, to the cent: the net over the lots relieved), its
 * losses alone (sells: the sum of the loss lots' gains, ≤ 0; 0 for none) and the wash-sale
 * disallowance.
 */
export type Booked =
  | { ok: true; realizedGain: Exact | null; realizedLoss: Exact | null; washSaleDisallowed: Exact }
  | { ok: false; why: string };

type LotRow = typeof lots.$inferSelect;

/** A stored decimal as the JSON number the ledger reads, or undefined if that would lose digits. */
function asNumber(value: string): number | undefined {
  const n = Number(value);
  return Number.isFinite(n) && exact(n).equals(exact(value)) ? n : undefined;
}

/** A lot id not yet used in the account (`base`, else `base-2`, `base-3`, …). */
export async function freshLotId(db: Db, accountId: string, base: string): Promise<string> {
  return (await freshLotIds(db, [accountId], base)).get(accountId)!;
}

/** For each account, a lot id it does not use yet (`base`, else `base-2`, …), in one read. */
export async function freshLotIds(
  db: Db,
  accountIds: readonly string[],
  base: string,
): Promise<Map<string, string>> {
  const rows = await selectInChunks(accountIds, (ids) =>
    db
      .select({ accountId: lots.accountId, id: lots.id })
      .from(lots)
      .where(and(inArray(lots.accountId, ids), or(eq(lots.id, base), like(lots.id, `${base}-%`)))),
  );
  const used = groupBy(rows, (r) => r.accountId);
  return new Map(
    accountIds.map((accountId) => {
      const taken = new Set((used.get(accountId) ?? []).map((r) => r.id));
      let id = base;
      for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
      return [accountId, id];
    }),
  );
}

/** The security's wash set: itself, or every security of its wash group. */
async function washSetOf(db: Db, securityId: string): Promise<string[]> {
  const [sec] = await db.select().from(securities).where(eq(securities.id, securityId));
  if (!sec?.washGroup) return [securityId];
  const members = await db
    .select({ id: securities.id })
    .from(securities)
    .where(eq(securities.washGroup, sec.washGroup));
  return members.map((m) => m.id);
}

function openingLotsOf(held: readonly LotRow[]): OpeningLot[] | string {
  const out: OpeningLot[] = [];
  for (const l of held) {
    const quantity = asNumber(l.quantity);
    const costBasis = asNumber(l.costBasis);
    if (quantity === undefined || costBasis === undefined)
      return `lot ${l.accountId}/${l.id} has more digits than the ledger reads`;
    out.push({
      account: l.accountId,
      security: l.securityId,
      lot: l.id,
      quantity,
      costBasis,
      acquired: l.acquired,
    });
  }
  return out;
}

/** Books one fill line into the lots (inside the caller's transaction). */
export async function bookFill(db: Db, f: FillLine): Promise<Booked> {
  return (await bookFills(db, [f]))[0]!;
}

/**
 * Books the lines of one order — one security, side, price and date — into the lots (inside the
 * caller's transaction), in bulk: the households' accounts and lots of the wash set read once,
 * one ledger replay per household with its lines in order (so a household's accounts see each
 * other's fills, as they would one after another), and the changed lots written once. A
 * household the ledger refuses gets its refusal on each of its lines and writes nothing; the
 * caller rolls the transaction back.
 */
export async function bookFills(db: Db, lines: readonly FillLine[]): Promise<Booked[]> {
  const first = lines[0];
  if (!first) return [];
  if (lines.some((l) => l.securityId !== first.securityId || l.side !== first.side))
    throw new Error('bookFills: the lines of one call are one order: one security and side');
  const washSet = await washSetOf(db, first.securityId);
  const householdIds = [...new Set(lines.map((l) => l.householdId))];
  const accountRows = await selectInChunks(householdIds, (ids) =>
    db
      .select({ id: accounts.id, taxStatus: accounts.taxStatus, householdId: accounts.householdId })
      .from(accounts)
      .where(inArray(accounts.householdId, ids))
      .orderBy(accounts.id),
  );
  const held = await selectInChunks(
    accountRows.map((a) => a.id),
    (ids) =>
      db
        .select()
        .from(lots)
        .where(and(inArray(lots.accountId, ids), inArray(lots.securityId, washSet))),
  );
  const accountsOf = groupBy(accountRows, (a) => a.householdId);
  const householdOfAccount = new Map(accountRows.map((a) => [a.id, a.householdId]));
  const heldOf = groupBy(held, (l) => householdOfAccount.get(l.accountId) ?? '');
  const linesOf = groupBy([...lines.entries()], ([, l]) => l.householdId);
  const out: Booked[] = lines.map(() => ({ ok: false, why: 'not booked' }));
  const gone: LotRow[] = [];
  const added: LotRow[] = [];
  for (const householdId of householdIds) {
    const mine = linesOf.get(householdId) ?? [];
    const accountsHere = accountsOf.get(householdId) ?? [];
    const heldHere = heldOf.get(householdId) ?? [];
    const booked = replayHousehold(
      mine.map(([, l]) => l),
      accountsHere,
      heldHere,
      washSet,
    );
    if (!booked.ok) {
      for (const [i] of mine) out[i] = { ok: false, why: booked.why };
      continue;
    }
    for (const [k, [i]] of mine.entries()) out[i] = booked.lines[k]!;
    const changes = changedLots(heldHere, booked.after);
    gone.push(...changes.gone);
    added.push(...changes.added);
  }
  if (out.some((b) => !b.ok)) return out;
  for (const chunk of chunksOf(gone, 1_000))
    await db
      .delete(lots)
      .where(or(...chunk.map((l) => and(eq(lots.accountId, l.accountId), eq(lots.id, l.id)))));
  await insertLots(db, added);
  return out;
}

/** One household's lines through the ledger: each line's booking, and the lots it leaves open. */
function replayHousehold(
  lines: readonly FillLine[],
  accountRows: readonly { id: string; taxStatus: LedgerRequest['accounts'][number]['taxStatus'] }[],
  held: readonly LotRow[],
  washSet: readonly string[],
): { ok: true; lines: Booked[]; after: Lot[] } | { ok: false; why: string } {
  const openingLots = openingLotsOf(held);
  if (typeof openingLots === 'string') return { ok: false, why: openingLots };
  const transactions: TradeTransaction[] = lines.map((f) => ({
    date: f.date,
    account: f.accountId,
    security: f.securityId,
    side: f.side,
    quantity: f.quantity.toNumber(),
    price: f.price.toNumber(),
    ...(f.side === 'buy' && f.lotId ? { lot: f.lotId } : {}),
    ...(f.side === 'sell' && f.picks ? { lots: f.picks } : {}),
  }));
  const request: LedgerRequest = {
    method: transactions.some((t) => t.lots) ? 'SPECID' : 'FIFO',
    accounts: accountRows.map((a) => ({ id: a.id, taxStatus: a.taxStatus })),
    ...(washSet.length > 1 ? { washGroups: [[...washSet]] } : {}),
    transactions,
    openingLots,
  };
  const outcome = replayExact(request);
  if (outcome.status === 'error') {
    const messages = outcome.problems.map((p) => p.message).join('; ');
    const where = [...new Set(lines.map((l) => l.accountId))].join(', ');
    return {
      ok: false,
      why: `the ledger cannot book the ${lines[0]?.side ?? 'fill'} in ${where}: ${messages}`,
    };
  }
  const realized = outcome.state.realized.map(realizedLine);
  // One line per account in an order (one trade per security and account), so an account's
  // realized lines are its line's.
  const booked = lines.map((f): Booked => {
    const mine = realized.filter((r) => r.account === f.accountId);
    const gains = mine.map((l) => exact(l.gain));
    return {
      ok: true,
      realizedGain: f.side === 'sell' ? sum(gains) : null,
      realizedLoss: f.side === 'sell' ? sum(gains.filter((g) => g.lt(0))) : null,
      washSaleDisallowed: sum(mine.map((l) => exact(l.washSaleDisallowed))),
    };
  });
  return {
    ok: true,
    lines: booked,
    after: outcome.state.holdings.all(accountRows.map((a) => a.id)),
  };
}

/**
 * The lots a replay changed (compared exactly, before any rounding): those to delete and those
 * to write, so every other lot keeps its stored digits. A changed lot's basis is stored to the
 * cent.
 */
function changedLots(before: readonly LotRow[], after: readonly Lot[]) {
  const key = (account: string, id: string): string => `${account}\u0000${id}`;
  const old = new Map(before.map((l) => [key(l.accountId, l.id), l]));
  const kept = new Set<string>();
  const added: LotRow[] = [];
  for (const l of after) {
    const k = key(l.account, l.id);
    const was = old.get(k);
    const same =
      was !== undefined &&
      was.securityId === l.security &&
      was.acquired === toIso(l.acquired) &&
      exact(was.quantity).equals(l.quantity) &&
      exact(was.costBasis).equals(l.basis);
    if (same) kept.add(k);
    else
      added.push({
        accountId: l.account,
        id: l.id,
        securityId: l.security,
        quantity: l.quantity.toFixed(),
        costBasis: roundCents(l.basis).toFixed(2),
        acquired: toIso(l.acquired),
      });
  }
  return { gone: before.filter((l) => !kept.has(key(l.accountId, l.id))), added };
}
