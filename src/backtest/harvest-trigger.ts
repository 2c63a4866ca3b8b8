/**
 * The daily harvest scan's trigger: whether today's losses are worth asking the engine about.
 * A lot is a candidate when it is in a taxable account, its loss is at least `minHarvest`, and
 * its security was not bought in the last 30 days (the wash-sale rule would forbid the sale).
 * The engine is asked when the candidates' losses reach `HARVEST_TRIGGER` of the account's
 * value and some candidate is new since the last ask — otherwise a loss the engine declined
 * yesterday (its tracking-error cost beat its tax value) would be asked about every day.
 */
import { isLossSale } from '../rebalance/index.js';
import type { ArmAccount } from './arm-state.js';

/** Candidate losses, as a fraction of account value, that start a scan. */
export const HARVEST_TRIGGER = 0.005;
const WASH_DAYS = 30;

/** The candidate lots of an account today and their total loss (USD, ≥ 0). */
export function harvestCandidates(
  account: ArmAccount,
  date: string,
  price: (id: string) => number,
  minHarvestUsd: number,
): { lots: Set<string>; lossUsd: number } {
  const now = Date.parse(date);
  const boughtRecently = new Set(
    account.recent
      .filter((r) => r.side === 'buy' && (now - Date.parse(r.date)) / 86_400_000 <= WASH_DAYS)
      .map((r) => r.security),
  );
  const lots = new Set<string>();
  let lossUsd = 0;
  if (account.taxStatus !== 'taxable') return { lots, lossUsd };
  for (const lot of account.lots) {
    if (boughtRecently.has(lot.security)) continue;
    const loss = lot.costBasis - lot.quantity * price(lot.security);
    if (loss >= Math.max(minHarvestUsd, 0.01)) {
      lots.add(lot.id);
      lossUsd += loss;
    }
  }
  return { lots, lossUsd };
}

/** True when the candidates warrant a scan: enough loss, and something not asked about before. */
export function shouldScan(
  candidates: { lots: Set<string>; lossUsd: number },
  accountValueUsd: number,
  askedBefore: ReadonlySet<string>,
): boolean {
  if (candidates.lossUsd < HARVEST_TRIGGER * accountValueUsd) return false;
  for (const id of candidates.lots) if (!askedBefore.has(id)) return true;
  return false;
}

/**
 * Securities the wash-sale rule keeps the account from buying today (sold at a loss in the last
 * 30 days) while the account holds less of them than the benchmark asks: buys avoided.
 */
export function washBarredUnderweight(
  account: ArmAccount,
  date: string,
  price: (id: string) => number,
  targets: ReadonlyMap<string, number>,
  accountValueUsd: number,
): number {
  const now = Date.parse(date);
  // The engine's own test of a loss sale, so "barred" means what the engine bars.
  const barred = new Set(
    account.recent
      .filter((r) => isLossSale(r) && (now - Date.parse(r.date)) / 86_400_000 <= WASH_DAYS)
      .map((r) => r.security),
  );
  let count = 0;
  for (const id of barred) {
    const weight = ((account.positions.get(id) ?? 0) * price(id)) / accountValueUsd;
    if (weight < (targets.get(id) ?? 0)) count += 1;
  }
  return count;
}
