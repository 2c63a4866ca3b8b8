/**
 * Wash sets whose harvest-or-keep choice may be estimated from one security's own terms
 * (harvest-or-keep.ts, switch-sides.ts): where nothing else ties the set's sales and buys to
 * the rest of the household.
 *
 * - one security in the set, and accounts that each track their own model: each account's risk
 *   term is its own, so what a side is worth is a sum over the accounts that hold the security
 *   or may buy it (its places), each with its own curvature, deficit and lots (in household
 *   mode asset location and held-away holdings tie them together);
 * - no gain budget (a loss offsets gains the budget would otherwise force out, or is required
 *   by a negative budget);
 * - no place has a turnover limit, a buy cap (cash-only, or inside the drift threshold) or a
 *   cash shortfall (keeping would have to raise the cash or turnover a harvest frees), and every
 *   place that holds a loss lot of it may buy it (its buy's multiplier prices the holding).
 */
import type { HouseholdContext } from '../context/index.js';
import type { AccountBlock, Formulation, RiskGroup } from '../problem/index.js';

/** An account that holds a candidate's security or may buy it, and the risk group weighing it. */
export interface Place {
  block: AccountBlock;
  group: RiskGroup;
  /** The security's lots in the account (indices into its context lots). */
  lots: number[];
  /** Whether the account may buy the security. */
  buys: boolean;
}

/** Where a candidate set's one security is traded and weighed. */
export interface KeepCandidate {
  security: number;
  places: Place[];
}

/** The candidates among `sets`, by wash set. */
export function keepCandidates(
  ctx: HouseholdContext,
  form: Formulation,
  sets: ReadonlySet<string>,
): Map<string, KeepCandidate> {
  const out = new Map<string, KeepCandidate>();
  const { shortTerm, longTerm, total } = form.gainRows;
  if (ctx.householdMode || shortTerm >= 0 || longTerm >= 0 || total >= 0) return out;
  const members = new Map<string, number[]>();
  ctx.securities.forEach((sec, i) => {
    if (sets.has(sec.washSet)) members.set(sec.washSet, [...(members.get(sec.washSet) ?? []), i]);
  });
  const lotsOf = form.accounts.map((blk) => {
    const bySecurity = new Map<number, number[]>();
    ctx.accounts[blk.account]!.lots.forEach((lot, l) => {
      const list = bySecurity.get(lot.security);
      if (list === undefined) bySecurity.set(lot.security, [l]);
      else list.push(l);
    });
    return bySecurity;
  });
  const groupOf = form.accounts.map((block) =>
    form.groups.find((g) => g.accounts.includes(block.account)),
  );
  for (const [set, securities] of members) {
    if (securities.length !== 1) continue;
    const i = securities[0]!;
    const places: Place[] = [];
    let fits = true;
    form.accounts.forEach((block, b) => {
      const lots = lotsOf[b]!.get(i) ?? [];
      const buys = block.buy[i] !== block.zero && form.baseUb[block.buy[i]!]! > 0;
      if (!buys && lots.length === 0) return;
      const group = groupOf[b];
      const account = ctx.accounts[block.account]!;
      const limited =
        block.turnoverRow >= 0 || block.buyCapRow >= 0 || block.cashFigures.shortfallUsd > 0;
      if (
        group === undefined ||
        limited ||
        (!buys && lots.some((l) => account.lots[l]!.gainUsd < 0))
      )
        fits = false;
      else places.push({ block, group, lots, buys });
    });
    if (fits && places.length > 0) out.set(set, { security: i, places });
  }
  return out;
}
