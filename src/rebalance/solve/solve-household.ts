/**
 * Solves the household QP with every rule, in passes that keep the QP's pattern:
 *   1. all limits hard; if that is infeasible, the soft limits become elastic with steep costs,
 *      so they give way only as far as they must, in spec §2 order: turnover first, then (after
 *      tracking error) gain budgets;
 *   2. a tracking-error limit is met by raising the group's risk aversion λ_g (TE falls
 *      monotonically in λ_g): grow λ_g until TE ≤ limit, then bisect geometrically; if even a
 *      very large λ_g cannot meet it, turnover limits give way first, then the TE limit;
 *   3. wash-sale conflicts inside the proposal are decided by the direction of the trades and
 *      the problem re-solved, and sets switch sides of the rule where that is worth more
 *      (wash-rounds.ts).
 */
import { solveQp, type QpResult, type QpStart } from '../../solver/index.js';
import type { HouseholdContext } from '../context/index.js';
import {
  applyRiskAversion,
  baseAversions,
  objectiveAt,
  type Formulation,
} from '../problem/index.js';
import { hasTurnoverLimit, setElastic, type ElasticLevel } from './elastic.js';
import { groupTrackingErrors } from './group-risk.js';
import { limitsMet, meetTrackingErrorLimits } from './te-limits.js';
import { harvestOrKeep } from './harvest-or-keep.js';
import {
  applyWashDecisions,
  cloneDecisions,
  forcedLossSets,
  type WashDecisions,
} from './wash-coupling.js';
import { washRounds } from './wash-rounds.js';

export type { ElasticLevel } from './elastic.js';

/** The continuous optimum and how it was reached. */
export interface HouseholdSolution {
  status: 'optimal' | 'infeasible' | 'failed';
  result: QpResult | null;
  /** Final risk aversion per group. */
  aversion: Float64Array;
  /** Tracking error per group at the solution. */
  trackingError: Float64Array;
  /** Soft limits made elastic (spec §2 relaxation): 0 none, 1 turnover, 2 turnover and gains. */
  elastic: ElasticLevel;
  wash: WashDecisions;
  solves: number;
}

const usable = (r: QpResult): boolean => r.status === 'optimal';

/** Runs the passes; `start`, a solution of a QP of these dimensions, warm-starts the first. */
export function solveHousehold(
  ctx: HouseholdContext,
  form: Formulation,
  start?: QpStart,
): HouseholdSolution {
  const forced = forcedLossSets(ctx, form);
  const harvest = harvestOrKeep(ctx, form);
  const wash: WashDecisions = {
    blockBuys: new Set([...forced, ...harvest.overweight, ...harvest.underweight]),
    blockLossSales: new Set([...harvest.kept].filter((set) => !forced.has(set))),
  };
  const base = baseAversions(form);
  const aversion = Float64Array.from(base);
  let elastic: ElasticLevel = 0;
  let solves = 0;
  const applyBounds = (): void => {
    applyWashDecisions(ctx, form, wash);
    setElastic(form, elastic);
  };
  // Every pass re-solves the same pattern with a few bounds or weights changed: each starts
  // from the last optimum (a warm start takes ≈ 30% fewer iterations than a cold one); the
  // first from `start` when the caller has a solution of a QP of these dimensions.
  const { problem } = form;
  const fits =
    start !== undefined &&
    start.x.length === problem.n &&
    start.zx.length === problem.n &&
    start.y.length === (problem.A?.nrows ?? 0) &&
    start.z.length === (problem.C?.nrows ?? 0);
  let last: QpStart | undefined = fits ? start : undefined;
  // The λ each result was solved at: a TE limit's passes move λ after a solve.
  const solvedAt = new WeakMap<QpResult, Float64Array>();
  const solve = (): QpResult => {
    applyBounds();
    applyRiskAversion(form, aversion);
    solves++;
    const r = solveQp(form.problem, undefined, last);
    solvedAt.set(r, Float64Array.from(aversion));
    if (usable(r)) last = r;
    return r;
  };
  let result = solve();
  // Level 1 opens only turnover limits: without one it is the same QP again, so skip it.
  while (result.status === 'infeasible' && elastic < 2) {
    elastic = elastic === 0 && hasTurnoverLimit(form) ? 1 : 2;
    result = solve();
  }
  if (!usable(result)) {
    return {
      status: result.status === 'infeasible' ? 'infeasible' : 'failed',
      result,
      aversion,
      trackingError: new Float64Array(form.groups.length),
      elastic,
      wash,
      solves,
    };
  }
  /**
   * Whether `a` is worth more than `b`: a lower objective at the base λ (a raised λ only serves
   * a TE limit) without breaking a TE limit `b` meets.
   */
  const better = (a: QpResult, b: QpResult): boolean =>
    objectiveAt(form, base, a.x) < objectiveAt(form, base, b.x) &&
    (limitsMet(ctx, form, a) || !limitsMet(ctx, form, b));
  /**
   * Applies `change`, re-runs the TE passes from the base risk aversion and keeps the result
   * when every TE limit then holds; otherwise undoes the change and restores the bounds.
   */
  const retryForLimits = (change: () => void, undo: () => void): void => {
    const saved = Float64Array.from(aversion);
    change();
    aversion.set(base);
    const retry = solve();
    const met = usable(retry)
      ? meetTrackingErrorLimits(ctx, form, aversion, retry, solve, saved)
      : null;
    if (met !== null && limitsMet(ctx, form, met)) {
      result = met;
      return;
    }
    undo();
    aversion.set(saved);
    applyBounds();
  };
  // A TE limit that λ cannot meet may be held back by a turnover limit, which gives way first.
  result = meetTrackingErrorLimits(ctx, form, aversion, result, solve);
  if (elastic === 0 && hasTurnoverLimit(form) && !limitsMet(ctx, form, result)) {
    retryForLimits(
      () => (elastic = 1),
      () => (elastic = 0),
    );
  }
  const state = { ctx, form, wash, aversion, forced, harvest, solve, applyBounds, better };
  result = washRounds({ ...state, solvedAt: (r) => solvedAt.get(r) ?? aversion }, result);
  // A harvest whose replacement differs from what it sold can make a TE limit unreachable. The
  // limit gives way only when nothing else can: the harvests decided between solves are given
  // up (their loss sales blocked instead) when that lets every limit hold.
  const harvested = [...wash.blockBuys].filter((set) => !forced.has(set));
  if (harvested.length > 0 && !limitsMet(ctx, form, result)) {
    const saved = cloneDecisions(wash);
    retryForLimits(
      () => {
        for (const set of harvested) {
          wash.blockBuys.delete(set);
          wash.blockLossSales.add(set);
        }
      },
      () => {
        wash.blockBuys = saved.blockBuys;
        wash.blockLossSales = saved.blockLossSales;
      },
    );
  }
  return {
    status: 'optimal',
    result,
    aversion,
    trackingError: groupTrackingErrors(ctx, form, result.x),
    elastic,
    wash,
    solves,
  };
}
