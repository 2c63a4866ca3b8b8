/**
 * The wash-sale rounds of `solveHousehold` (docs/optimization.md §4, pass 3): each decides the
 * conflicts of the last optimum and re-solves; the first also revises the sets that started
 * harvested though underweight; a round with nothing else to change switches sides where the
 * optimum's multipliers say so (switch-sides.ts), and is undone unless the result is better.
 */
import type { QpResult } from '../../solver/index.js';
import type { HouseholdContext } from '../context/index.js';
import { baseAversions, type Formulation } from '../problem/index.js';
import type { HarvestSets } from './harvest-or-keep.js';
import { switchSides } from './switch-sides.js';
import { meetTrackingErrorLimits } from './te-limits.js';
import {
  cloneDecisions,
  decideByDirection,
  findWashConflicts,
  lossSoldSets,
  type WashDecisions,
} from './wash-coupling.js';

const WASH_PASSES = 3;

/** What the rounds share with `solveHousehold`: its decisions, λ and solve, changed in place. */
export interface PassState {
  ctx: HouseholdContext;
  form: Formulation;
  wash: WashDecisions;
  aversion: Float64Array;
  forced: ReadonlySet<string>;
  harvest: HarvestSets;
  /** Solves at the current decisions and λ (and counts the solve). */
  solve: () => QpResult;
  /** Puts the current decisions into the problem's bounds. */
  applyBounds: () => void;
  /** Whether the first result is worth more than the second. */
  better: (a: QpResult, b: QpResult) => boolean;
  /** The λ a result was solved at (a TE limit's passes move λ after a solve). */
  solvedAt: (r: QpResult) => Float64Array;
}

const usable = (r: QpResult): boolean => r.status === 'optimal';

/** Runs at most WASH_PASSES rounds from `start` and returns the result they end with. */
export function washRounds(s: PassState, start: QpResult): QpResult {
  const { ctx, form, wash, aversion, forced, harvest, solve, applyBounds, better, solvedAt } = s;
  // Each round decides the conflicts and, in the first, revises the sets that started harvested
  // though underweight (harvest-or-keep.ts). One the optimum did not sell at a loss even so is
  // kept, not harvested: its buys are allowed and its loss sales blocked — that choice dominates
  // (keeping it and buying none is still feasible), and it rules out the sale-and-rebuy the next
  // solve would otherwise find, which would only be decided back to where it started. A round
  // with nothing else to change switches the sets the optimum's multipliers say are worth more
  // on the other side (switch-sides.ts); their estimates hold the rest still, so if switching
  // them together lowers nothing the round is undone.
  let result = start;
  for (let pass = 0; pass < WASH_PASSES; pass++) {
    const sold = lossSoldSets(ctx, form, result.x);
    const conflicts = findWashConflicts(ctx, form, result.x, wash, sold);
    const unblock =
      pass === 0
        ? [...harvest.underweight].filter((set) => !forced.has(set) && !sold.has(set))
        : [];
    const trial = conflicts.length === 0 && unblock.length === 0;
    const switches = trial
      ? switchSides(ctx, form, result, solvedAt(result), wash, harvest.candidates, forced)
      : { keep: new Set<string>(), harvest: new Set<string>() };
    unblock.push(...switches.keep);
    if (conflicts.length === 0 && unblock.length === 0 && switches.harvest.size === 0) break;
    const saved = cloneDecisions(wash);
    decideByDirection(ctx, form, result.x, conflicts, wash);
    for (const set of unblock) {
      wash.blockBuys.delete(set);
      wash.blockLossSales.add(set);
    }
    for (const set of switches.harvest) {
      wash.blockLossSales.delete(set);
      wash.blockBuys.add(set);
    }
    // From the base risk aversion: a λ raised to meet a TE limit under the old decisions may be
    // far more than the new ones need (allowing a buy can close most of the gap).
    const raised = Float64Array.from(aversion);
    aversion.set(baseAversions(form));
    const next = solve();
    const met = usable(next)
      ? meetTrackingErrorLimits(ctx, form, aversion, next, solve, raised)
      : null;
    if (met === null || (trial && !better(met, result))) {
      wash.blockBuys = saved.blockBuys;
      wash.blockLossSales = saved.blockLossSales;
      aversion.set(raised);
      applyBounds();
      break;
    }
    result = met;
  }
  return result;
}
