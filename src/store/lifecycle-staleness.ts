/**
 * The staleness check behind an approval. A proposal is stale when the household's inputs are
 * not what it was made from: its request, rebuilt from the store as of the run's date, hashes
 * differently (lots, cash, recent fills, settings, models, or a price on or before that date
 * changed), or a security it prices has a newer price than the run's date (the market moved on).
 */
import { and, gt, inArray, sql } from 'drizzle-orm';
import { loadHouseholdInputs } from './household-requests.js';
import { loadMarketSnapshot } from './market-snapshot.js';
import type { Db } from './open-store.js';
import { prices } from './schema/index.js';

/** Households loaded per query batch (as a run does). */
const CHUNK = 64;

/** What the store says about one household now. */
export type CurrentInput =
  | { householdId: string; status: 'ready'; inputHash: string; securities: string[] }
  | { householdId: string; status: 'gated'; reasons: string[] };

/**
 * Each household's request rebuilt as of `runAsOf` and hashed exactly as a run on that date
 * hashes it, so an unchanged household reproduces its proposal's hash bit for bit.
 */
export async function currentInputs(
  db: Db,
  runAsOf: string,
  householdIds: readonly string[],
): Promise<Map<string, CurrentInput>> {
  const snap = await loadMarketSnapshot(db, runAsOf);
  const out = new Map<string, CurrentInput>();
  const ids = [...new Set(householdIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    for (const input of await loadHouseholdInputs(db, snap, ids.slice(i, i + CHUNK))) {
      const { householdId } = input;
      out.set(
        householdId,
        input.status === 'gated'
          ? { householdId, status: 'gated', reasons: input.reasons }
          : {
              householdId,
              status: 'ready',
              inputHash: input.inputHash,
              securities: input.request.securities.map((s) => s.id),
            },
      );
    }
  }
  return out;
}

/** The latest price date after `runAsOf` of each of `securityIds` that has one. */
export async function newerPrices(
  db: Db,
  runAsOf: string,
  securityIds: readonly string[],
): Promise<Map<string, string>> {
  if (securityIds.length === 0) return new Map();
  const rows = await db
    .select({
      securityId: prices.securityId,
      date: sql<string>`to_char(max(${prices.date}), 'YYYY-MM-DD')`,
    })
    .from(prices)
    .where(and(gt(prices.date, runAsOf), inArray(prices.securityId, [...new Set(securityIds)])))
    .groupBy(prices.securityId);
  return new Map(rows.map((r) => [r.securityId, r.date]));
}

/**
 * Why a proposal made from `inputHash` on `runAsOf` may not be approved now, or undefined when
 * its inputs are unchanged. `newer`: the household's securities priced after `runAsOf`.
 */
export function stalenessOf(
  current: CurrentInput | undefined,
  proposal: { householdId: string; inputHash: string; runAsOf: string },
  newer: ReadonlyMap<string, string>,
): string | undefined {
  const { householdId, runAsOf } = proposal;
  // Both ways a user can re-run it: the message reaches the dashboard and the CLI alike.
  const rerun = `re-run the household (the dashboard's Runs page, or tailor run --household ${householdId}) and approve the new proposal`;
  if (!current || current.status === 'gated') {
    const reasons = current ? current.reasons.join('; ') : 'household not found';
    return `household ${householdId} no longer passes the data checks as of ${runAsOf} (${reasons}); fix the data, then ${rerun}`;
  }
  if (current.inputHash !== proposal.inputHash)
    return `the proposal is stale: household ${householdId}'s holdings, cash, settings, models or prices changed since it was made (as of ${runAsOf}); ${rerun}`;
  const moved = current.securities.filter((s) => newer.has(s)).map((s) => `${s} ${newer.get(s)}`);
  if (moved.length > 0)
    return `the proposal is stale: newer prices than its run date ${runAsOf} (${moved.join(', ')}); ${rerun}`;
  return undefined;
}
