/**
 * Wash sets whose harvest-or-keep choice may be estimated from one security's own terms
 * (harvest-or-keep.ts, switch-sides.ts): where nothing else ties the set's sales and buys to
 * the rest of the household.
 *
 * - one security in the set, and accounts that each track their own model (in household mode
 *   asset location and held-away holdings move the deficit);
 * - one tradable account holds it or may buy it, so one risk group weighs it;
 * - no gain budget (a loss offsets gains the budget would otherwise force out, or is required
 *   by a negative budget);
 * - that account has no turnover limit, no buy cap (cash-only, or inside the drift threshold)
 *   and no cash shortfall (keeping would have to raise the cash or turnover a harvest frees).
 */
import type { HouseholdContext } from '../context/index.js';
import type { AccountBlock, Formulation, RiskGroup } from '../problem/index.js';

/** Where a candidate set's one security is traded and weighed. */
export interface KeepCandidate {
  security: number;
  block: AccountBlock;
  group: RiskGroup;
  /** The security's lots in the account (indices into its context lots). */
  lots: number[];
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
  for (const [set, securities] of members) {
    if (securities.length !== 1) continue;
    const i = securities[0]!;
    const touching = form.accounts.flatMap((block, b) =>
      block.buy[i] !== block.zero || lotsOf[b]!.has(i) ? [{ block, lots: lotsOf[b]!.get(i) }] : [],
    );
    const only = touching[0];
    if (touching.length !== 1 || only === undefined) continue;
    const { block } = only;
    if (block.turnoverRow >= 0 || block.buyCapRow >= 0 || block.cashFigures.shortfallUsd > 0) {
      continue;
    }
    const group = form.groups.find((g) => g.accounts.includes(block.account));
    if (group !== undefined) out.set(set, { security: i, block, group, lots: only.lots ?? [] });
  }
  return out;
}

/** The index in P's values of the diagonal entry of column `j`, or −1 when it has none. */
export function diagonalEntry(form: Formulation, j: number): number {
  const P = form.problem.P;
  if (P === undefined) return -1;
  for (let p = P.colPtr[j]!; p < P.colPtr[j + 1]!; p++) if (P.rowIdx[p] === j) return p;
  return -1;
}
