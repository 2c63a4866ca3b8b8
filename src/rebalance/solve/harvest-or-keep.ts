/**
 * Before the first solve, each wash set with a harvest lot is put on one side of the wash-sale
 * rule: harvested (its buys blocked) or kept (its loss sales blocked). Allowing both would let
 * the optimum sell the loss and buy it back, which the rule forbids and a re-solve must undo.
 *
 * A set no risk group holds below its benchmark weight is harvested: buying it back would only
 * undo the harvest. For an underweight one the choice is estimated from the QP's own
 * coefficients where nothing else ties the set to the rest of the household (keep-candidates.ts),
 * with only the security's own curvature — its specific variance and the model-fidelity term,
 * `c = P[x_i, x_i]` at the group's base risk aversion. In each account that holds security `i`
 * or may buy it (a place: keep-candidates.ts), take its holding `x`, its deficit `D = x* − x`
 * below its group's own optimum `x* = −q[x_i] / c`, and its harvest lots `l`, each worth
 * `β_l = −q[s_l]` per unit sold (the tax saved less the spread) up to `L_l`. Relative to trading
 * nothing in `i`, summed over the places:
 *
 *     harvest:  H = max over 0 ≤ s_l ≤ L_l of  Σ β_l s_l − ½c((D + Σ s_l)² − D²)
 *     keep:     K = max over t ≥ 0 of  −σt − ½c((D − t)² − D²)      (σ the buy's spread)
 *
 * H is a concave maximisation, solved greedily over the lots by falling β. The set is kept when
 * K > H. The estimate leaves out the factor terms and the rest of the portfolio, and can be
 * wrong either way: where the benchmark's factor exposures are within reach it tends to err
 * towards harvesting (buying an underweight security also moves the exposures back), but in an
 * account that may not buy the benchmark's largest holding the optimum may sell an underweight
 * security to buy better stand-ins for the missing exposures. So every set is looked at again
 * after a solve (`solveHousehold`; switch-sides.ts). Every other underweight set starts
 * harvested, as all did before the estimate. docs/optimization.md §4 has the measurements.
 */
import type { HouseholdContext } from '../context/index.js';
import { baseAversions, costAt, curvatureAt, type Formulation } from '../problem/index.js';
import { keepCandidates, type KeepCandidate, type Place } from './keep-candidates.js';

/** Wash sets with a harvest lot, by the side of the rule each starts on. */
export interface HarvestSets {
  /** Harvested, with no group holding the set below benchmark weight: the block stands. */
  overweight: Set<string>;
  /** Harvested, though a group holds the set below benchmark weight: to be looked at again. */
  underweight: Set<string>;
  /** Kept on the estimate: buys allowed, loss sales blocked. */
  kept: Set<string>;
  /** The underweight sets whose choice may be estimated (keep-candidates.ts). */
  candidates: Map<string, KeepCandidate>;
}

/** Sorts every set with a harvest lot into `HarvestSets` (see the module comment). */
export function harvestOrKeep(ctx: HouseholdContext, form: Formulation): HarvestSets {
  const harvestSets = new Set<string>();
  for (const blk of form.accounts) {
    const { lots } = ctx.accounts[blk.account]!;
    for (let l = 0; l < lots.length; l++) {
      if (blk.roles[l] === 'harvest') harvestSets.add(ctx.securities[lots[l]!.security]!.washSet);
    }
  }
  const underweight = underweightSets(ctx, form, harvestSets);
  const candidates = keepCandidates(ctx, form, underweight);
  const sets: HarvestSets = {
    overweight: new Set([...harvestSets].filter((set) => !underweight.has(set))),
    underweight: new Set(),
    kept: new Set(),
    candidates,
  };
  const base = baseAversions(form);
  for (const set of underweight) {
    const candidate = candidates.get(set);
    if (candidate !== undefined && keepBeatsHarvest(ctx, form, base, candidate)) sets.kept.add(set);
    else sets.underweight.add(set);
  }
  return sets;
}

/** The sets of `harvestSets` some risk group holds below benchmark weight. */
function underweightSets(
  ctx: HouseholdContext,
  form: Formulation,
  harvestSets: ReadonlySet<string>,
): Set<string> {
  const out = new Set<string>();
  if (harvestSets.size === 0) return out;
  for (const g of form.groups) {
    const held = new Float64Array(ctx.securities.length);
    const members = ctx.householdMode ? ctx.accounts : g.accounts.map((a) => ctx.accounts[a]!);
    for (const acc of members) {
      const q = acc.heldQuantity;
      for (let i = 0; i < q.length; i++) held[i] = held[i]! + q[i]! * ctx.securities[i]!.priceUsd;
    }
    for (let i = 0; i < ctx.securities.length; i++) {
      const set = ctx.securities[i]!.washSet;
      if (harvestSets.has(set) && held[i]! / g.afterValueUsd < g.benchmark[i]!) out.add(set);
    }
  }
  return out;
}

/** K > H for the candidate: each summed over its places (see the module comment). */
function keepBeatsHarvest(
  ctx: HouseholdContext,
  form: Formulation,
  base: Float64Array,
  c: KeepCandidate,
): boolean {
  let keep = 0;
  let harvest = 0;
  for (const place of c.places) {
    const v = placeValues(ctx, form, base, c.security, place);
    if (v === null) return false;
    keep += v.keep;
    harvest += v.harvest;
  }
  return keep > harvest;
}

/** K and H of one place, or null when its holding has no curvature to weigh them by. */
function placeValues(
  ctx: HouseholdContext,
  form: Formulation,
  base: Float64Array,
  i: number,
  { block, group, lots: lotIndices, buys }: Place,
): { keep: number; harvest: number } | null {
  const { baseCost, baseUb } = form;
  const w = group.weightVar[i]!;
  const curvature = curvatureAt(form, base, w);
  if (curvature <= 0) return null;
  const acc = ctx.accounts[block.account]!;
  const optimum = -costAt(form, base, w) / curvature;
  const deficit = optimum - (acc.heldQuantity[i]! * ctx.securities[i]!.priceUsd) / form.scaleUsd;
  const lots: SaleOption[] = [];
  for (const l of lotIndices) {
    if (block.roles[l] !== 'harvest') continue;
    lots.push({ benefit: -baseCost[block.sell[l]!]!, capacity: baseUb[block.sell[l]!]! });
  }
  return {
    keep: buys ? keepValue(baseCost[block.buy[i]!]!, curvature, deficit) : 0,
    harvest: harvestValue(lots, curvature, deficit),
  };
}

/**
 * A lot that may be sold: what a unit sold earns (β, the tax saved less the spread, in units of
 * the objective) and the units available.
 */
export interface SaleOption {
  benefit: number;
  capacity: number;
}

/** max Σ β_l s_l − ½c((D + Σ s)² − D²) over 0 ≤ s_l ≤ L_l: greedily, best lot first. */
export function harvestValue(lots: readonly SaleOption[], c: number, deficit: number): number {
  let value = 0;
  let sold = 0;
  for (const { benefit, capacity } of [...lots].sort((a, b) => b.benefit - a.benefit)) {
    const s = Math.min(capacity, Math.max(0, benefit / c - deficit - sold));
    if (s <= 0) continue;
    value += benefit * s - 0.5 * c * ((deficit + sold + s) ** 2 - (deficit + sold) ** 2);
    sold += s;
  }
  return value;
}

/** max −σt − ½c((D − t)² − D²) over t ≥ 0. */
export function keepValue(spread: number, c: number, deficit: number): number {
  const t = Math.max(0, deficit - spread / c);
  return -spread * t - 0.5 * c * ((deficit - t) ** 2 - deficit ** 2);
}
