/**
 * A proposal's trades. The record of them is the proposal's stored response (each account's
 * `trades`); the trades table holds rows only for proposals that went into block orders, because
 * order allocations need a row to name. Both the rows and the trade lists people read come from
 * one expansion of the response, `tradeRowsOf`, so a trade reads the same before and after it
 * is ordered.
 *
 * Why not write the rows with the proposal: a whole-book run proposes about a million trades,
 * and inserting them (with their key and index) was about 5% of the 20,000-account run's CPU,
 * for rows that only the approved proposals' orders ever use.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { RebalanceResponse, TradeReason } from '../domain/index.js';
import { arrayLiteral } from './array-literal.js';
import { assertKnownReferences } from './known-references.js';
import { rowsOf } from './market-snapshot.js';
import type { Db } from './open-store.js';

/**
 * The trades of the proposals listed in `ids` (a text array literal), in the trades table's
 * columns: `{proposal}:{account}:{k}` for the k-th trade (from 0) of an account. A number keeps
 * its value: JSON's shortest decimal form is what the response holds and what numeric reads.
 */
function tradeRowsOf(ids: string): SQL {
  return sql`
    SELECT p.id || ':' || (a.v->>'id') || ':' || (t.k - 1) AS id, p.id AS proposal_id,
           a.v->>'id' AS account_id, t.v->>'security' AS security_id, t.v->>'side' AS side,
           (t.v->>'quantity')::numeric AS quantity, (t.v->>'price')::numeric AS price,
           (t.v->>'value')::numeric AS value_usd, t.v->'reasons' AS reasons
    FROM proposals p
    CROSS JOIN LATERAL jsonb_array_elements(p.response->'accounts') AS a(v)
    CROSS JOIN LATERAL jsonb_array_elements(a.v->'trades') WITH ORDINALITY AS t(v, k)
    WHERE p.id = ANY(${ids}::text[]) AND p.response IS NOT NULL`;
}

/** A proposal's trade as people read it (numbers as float64, for display). */
export interface ProposalTrade {
  id: string;
  accountId: string;
  securityId: string;
  side: 'buy' | 'sell';
  quantity: number;
  priceUsd: number;
  valueUsd: number;
  reasons: TradeReason[];
}

/** The trades of one proposal, by id (as the trades table orders them). */
export async function proposalTrades(db: Db, proposalId: string): Promise<ProposalTrade[]> {
  const rows = rowsOf<{
    id: string;
    account_id: string;
    security_id: string;
    side: 'buy' | 'sell';
    quantity: string;
    price: string;
    value_usd: string;
    reasons: TradeReason[];
  }>(
    await db.execute(
      sql`SELECT * FROM (${tradeRowsOf(arrayLiteral([proposalId]))}) r ORDER BY r.id`,
    ),
  );
  const out: ProposalTrade[] = [];
  for (const r of rows)
    out.push({
      id: r.id,
      accountId: r.account_id,
      securityId: r.security_id,
      side: r.side,
      quantity: Number(r.quantity),
      priceUsd: Number(r.price),
      valueUsd: Number(r.value_usd),
      reasons: r.reasons,
    });
  return out;
}

/** How many trades a response proposes, over its accounts (`proposals.trade_count`). */
export function tradeCountOf(response: RebalanceResponse | null | undefined): number {
  if (!response) return 0;
  let n = 0;
  for (const a of response.accounts) n += a.trades.length;
  return n;
}

/**
 * Makes the trades table's rows for the proposals in `proposalIds` from their responses (rows a
 * store made before migration 0008 are kept: same ids, same values), then checks that every
 * trade names a known account and security. A miss is a bug in the run that proposed it (it
 * builds trades only from what it read): it throws, and the caller's transaction writes nothing.
 */
export async function materializeTrades(db: Db, proposalIds: readonly string[]): Promise<void> {
  if (proposalIds.length === 0) return;
  const ids = arrayLiteral(proposalIds);
  await db.execute(sql`
    INSERT INTO trades
      (id, proposal_id, account_id, security_id, side, quantity, price, value_usd, reasons)
    ${tradeRowsOf(ids)}
    ON CONFLICT (id) DO NOTHING`);
  await assertKnownReferences(
    db,
    sql`SELECT DISTINCT account_id AS id FROM trades WHERE proposal_id = ANY(${ids}::text[])`,
    sql`SELECT DISTINCT security_id AS id FROM trades WHERE proposal_id = ANY(${ids}::text[])`,
    (list) => `store internal error: trades name an unknown ${list}; nothing was written`,
  );
}
