/**
 * After a solve, a candidate wash set (keep-candidates.ts) is looked at again with what the
 * optimum x̂ knows: would the other side of the wash-sale rule be worth more? The estimates use
 * x̂'s own multipliers and hold the rest of the portfolio still.
 *
 * At x̂ one more unit of the account's holding of security `i` is worth `m = σ − zx_b`: `σ` the
 * spread of its buy `b`, `zx_b` the buy's bound multiplier (≤ 0 while buys are blocked: the
 * objective gained per unit bought; ≥ 0 at a buy of 0 that is allowed; 0 for a buy made), the
 * cash a unit takes being in the multiplier. `c` is the curvature of the holding alone,
 * `P[x_i, x_i] + Σ_j a_j² P[g_j, g_j]` over the factor rows `g_j − Σ a x = …` it is in; the full
 * QP, whose other holdings can take up the factor exposures, sees less along the holding, so
 * both estimates below err towards the side the set is on. Lot `l` earns `β_l = −q[s_l]` per
 * unit sold (the tax saved less the spread), up to `L_l`.
 *
 * - **Harvested → kept** (`keepGain`). x̂ sold `s` units of loss lots, earning `B = Σ β_l ŝ_l`.
 *   Keeping undoes them and then buys `t ≥ 0`:
 *
 *       Δ(t) = B − m(s + t) + ½c(s + t)² + σt,
 *       min over t:  Δ = B − ms + ½cs² − ((m − σ − cs)₊)² / 2c
 *
 * - **Kept → harvested** (`harvestGain`). x̂ bought `b̂`. Harvesting undoes the buy (saving σb̂)
 *   and sells loss lots; removing `d` units of the holding costs `md + ½cd²`:
 *
 *       Δ(s) = m(b̂ + Σs_l) + ½c(b̂ + Σs_l)² − σb̂ − Σ β_l s_l,
 *
 *   minimised greedily: each lot, best β first, is sold while `β_l > m + c(b̂ + sold)`.
 *
 * Each account that holds the security or may buy it (a place, keep-candidates.ts) has its own
 * m, c, b̂ and lots; in per-account mode their risk terms are separate, so Δ is the sum over the
 * places. P and q are read at the λ x̂ was solved at (a TE limit's passes move λ after a solve;
 * `costAt`, `curvatureAt`). The gain is −Δ. `solveHousehold` switches every set with a positive gain in a round that has
 * nothing else to change, and undoes the round unless the objective falls (sets that stand in
 * for each other can each be worth switching alone but not together); under a TE limit, unless
 * the objective at the base λ falls with every limit held that held before. Checked against one more solve per
 * set, at the first optimum of 20 generated 500-stock and 20 100-stock direct-index accounts
 * (bench/rebalance/instances.ts): every set started harvested with a positive keep gain was
 * better kept (43 sets; 44 more were better kept and not caught); of 105 sets started kept (the
 * same accounts and two random households where the first estimate was wrong), the two with a
 * positive harvest gain were better harvested, and no other. The error bound above is not
 * strict: over 420 more generated accounts one switch (keeping ETF07 of a 20-ETF account) cost
 * $2 instead of gaining, and was undone by the objective check.
 */
import type { QpResult } from '../../solver/index.js';
import type { HouseholdContext } from '../context/index.js';
import { costAt, curvatureAt, type Formulation, type RiskGroup } from '../problem/index.js';
import { harvestValue, type SaleOption } from './harvest-or-keep.js';
import type { KeepCandidate, Place } from './keep-candidates.js';
import type { WashDecisions } from './wash-coupling.js';

/** Candidate sets estimated to gain by switching sides at `result`. */
export interface Switches {
  keep: Set<string>;
  harvest: Set<string>;
}

/**
 * The switches worth making at `result`, solved at risk aversion `aversion` (module comment);
 * `skip` sets stay as they are.
 */
export function switchSides(
  ctx: HouseholdContext,
  form: Formulation,
  result: QpResult,
  aversion: Float64Array,
  wash: WashDecisions,
  candidates: ReadonlyMap<string, KeepCandidate>,
  skip: ReadonlySet<string>,
): Switches {
  const out: Switches = { keep: new Set(), harvest: new Set() };
  const factorRows = new Map<RiskGroup, Map<number, number>>();
  for (const [set, candidate] of candidates) {
    if (skip.has(set)) continue;
    const at: HoldingAt[] = [];
    for (const place of candidate.places) {
      const rows = factorRows.get(place.group) ?? factorRowsOf(form, aversion, place.group);
      factorRows.set(place.group, rows);
      const one = holdingAt(ctx, form, result, aversion, candidate.security, place, rows);
      if (one !== undefined) at.push(one);
    }
    if (wash.blockBuys.has(set) && keepGain(at) > 0) out.keep.add(set);
    else if (wash.blockLossSales.has(set) && harvestGain(at) > 0) out.harvest.add(set);
  }
  return out;
}

/** The figures of the module comment for one candidate at x̂. */
interface HoldingAt {
  worth: number;
  curvature: number;
  spread: number;
  bought: number;
  lots: (SaleOption & { sold: number })[];
}

/** The figures at x̂ of one place that may buy (a place that may not holds no loss lot of it). */
function holdingAt(
  ctx: HouseholdContext,
  form: Formulation,
  result: QpResult,
  aversion: Float64Array,
  i: number,
  { block, group, lots: lotIndices, buys }: Place,
  factorRows: ReadonlyMap<number, number>,
): HoldingAt | undefined {
  if (!buys) return undefined;
  const q = (j: number): number => costAt(form, aversion, j);
  const buy = block.buy[i]!;
  const curvature = holdingCurvature(form, aversion, group.weightVar[i]!, factorRows);
  if (curvature <= 0) return undefined;
  const lots: HoldingAt['lots'] = [];
  const accountLots = ctx.accounts[block.account]!.lots;
  for (const l of lotIndices) {
    if (accountLots[l]!.gainUsd >= 0 || block.roles[l] === 'forced') continue;
    const v = block.sell[l]!;
    lots.push({ benefit: -q(v), capacity: form.baseUb[v]!, sold: Math.max(0, result.x[v]!) });
  }
  const spread = q(buy);
  const bought = Math.max(0, result.x[buy]!);
  return { worth: spread - result.zx[buy]!, curvature, spread, bought, lots };
}

/** −Δ of keeping a harvested set, summed over its places (module comment). */
function keepGain(places: readonly HoldingAt[]): number {
  let gain = 0;
  let soldAnywhere = 0;
  for (const { worth: m, curvature: c, spread, lots } of places) {
    let sold = 0;
    let earned = 0;
    for (const lot of lots) {
      sold += lot.sold;
      earned += lot.benefit * lot.sold;
    }
    soldAnywhere += sold;
    const more = Math.max(0, m - spread - c * sold);
    gain -= earned - m * sold + 0.5 * c * sold * sold - (more * more) / (2 * c);
  }
  // A set x̂ sold no loss of is the first round's to keep (solveHousehold).
  return soldAnywhere > 0 ? gain : 0;
}

/** −Δ of harvesting a kept set, summed over its places (module comment). */
function harvestGain(places: readonly HoldingAt[]): number {
  let gain = 0;
  for (const { worth: m, curvature: c, spread, bought, lots } of places) {
    // Selling from b̂ on: lot benefits net of the holding's marginal worth there, as
    // harvestValue's β − c·(D + s) with D = (m + c·b̂)/c.
    const undoBuy = m * bought + 0.5 * c * bought * bought - spread * bought;
    gain += harvestValue(lots, c, (m + c * bought) / c) - undoBuy;
  }
  return gain;
}

/** The group's factor rows of A, each with its factor variable's P[g_j, g_j] at `aversion`. */
function factorRowsOf(
  form: Formulation,
  aversion: Float64Array,
  group: RiskGroup,
): Map<number, number> {
  const rows = new Map<number, number>();
  const A = form.problem.A;
  if (A === undefined) return rows;
  for (const f of group.factorVar) {
    const pf = curvatureAt(form, aversion, f);
    for (let p = A.colPtr[f]!; p < A.colPtr[f + 1]!; p++) rows.set(A.rowIdx[p]!, pf);
  }
  return rows;
}

/** P[w, w] + Σ_j a_j² P[g_j, g_j] over the factor rows holding `w` (module comment). */
function holdingCurvature(
  form: Formulation,
  aversion: Float64Array,
  w: number,
  factorRows: ReadonlyMap<number, number>,
): number {
  let c = curvatureAt(form, aversion, w);
  const A = form.problem.A;
  if (A === undefined) return c;
  for (let p = A.colPtr[w]!; p < A.colPtr[w + 1]!; p++) {
    const pf = factorRows.get(A.rowIdx[p]!);
    if (pf !== undefined) c += A.values[p]! ** 2 * pf;
  }
  return c;
}
