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
import { and, eq, inArray, or } from 'drizzle-orm';
import type { LedgerRequest, LotPick, OpeningLot, TradeTransaction } from '../domain/index.js';
import { exact, replayExact, roundCents, sum, toIso, type Exact } from '../tax/index.js';
import { realizedLine } from '../tax/ledger-output.js';
import type { Lot } from '../tax/lot.js';
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
  const rows = await db.select({ id: lots.id }).from(lots).where(eq(lots.accountId, accountId));
  const used = new Set(rows.map((r) => r.id));
  let id = base;
  for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
  return id;
}

/** The household's accounts and its open lots of the fill's wash set. */
async function household(db: Db, f: FillLine) {
  const accountRows = await db
    .select({ id: accounts.id, taxStatus: accounts.taxStatus })
    .from(accounts)
    .where(eq(accounts.householdId, f.householdId))
    .orderBy(accounts.id);
  const [sec] = await db.select().from(securities).where(eq(securities.id, f.securityId));
  const washSet = sec?.washGroup
    ? (
        await db
          .select({ id: securities.id })
          .from(securities)
          .where(eq(securities.washGroup, sec.washGroup))
      ).map((s) => s.id)
    : [f.securityId];
  const accountIds = accountRows.map((a) => a.id);
  const held = await db
    .select()
    .from(lots)
    .where(and(inArray(lots.accountId, accountIds), inArray(lots.securityId, washSet)));
  return { accountRows, accountIds, washSet, held };
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
  const { accountRows, accountIds, washSet, held } = await household(db, f);
  const openingLots = openingLotsOf(held);
  if (typeof openingLots === 'string') return { ok: false, why: openingLots };
  const tx: TradeTransaction = {
    date: f.date,
    account: f.accountId,
    security: f.securityId,
    side: f.side,
    quantity: f.quantity.toNumber(),
    price: f.price.toNumber(),
    ...(f.side === 'buy' && f.lotId ? { lot: f.lotId } : {}),
    ...(f.side === 'sell' && f.picks ? { lots: f.picks } : {}),
  };
  const request: LedgerRequest = {
    method: tx.lots ? 'SPECID' : 'FIFO',
    accounts: accountRows.map((a) => ({ id: a.id, taxStatus: a.taxStatus })),
    ...(washSet.length > 1 ? { washGroups: [washSet] } : {}),
    transactions: [tx],
    openingLots,
  };
  const outcome = replayExact(request);
  if (outcome.status === 'error') {
    const messages = outcome.problems.map((p) => p.message).join('; ');
    return {
      ok: false,
      why: `the ledger cannot book the ${f.side} in ${f.accountId}: ${messages}`,
    };
  }
  await replaceChanged(db, held, outcome.state.holdings.all(accountIds));
  const lines = outcome.state.realized.map(realizedLine);
  const gains = lines.map((l) => exact(l.gain));
  return {
    ok: true,
    realizedGain: f.side === 'sell' ? sum(gains) : null,
    realizedLoss: f.side === 'sell' ? sum(gains.filter((g) => g.lt(0))) : null,
    washSaleDisallowed: sum(lines.map((l) => exact(l.washSaleDisallowed))),
  };
}

/**
 * Rewrites only the lots the fill changed (compared exactly, before any rounding), so every
 * other lot keeps its stored digits. A changed lot's basis is stored to the cent.
 */
async function replaceChanged(db: Db, before: readonly LotRow[], after: readonly Lot[]) {
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
  const gone = before.filter((l) => !kept.has(key(l.accountId, l.id)));
  if (gone.length > 0)
    await db
      .delete(lots)
      .where(or(...gone.map((l) => and(eq(lots.accountId, l.accountId), eq(lots.id, l.id)))));
  await insertLots(db, added);
}
