/**
 * The end-to-end path the benchmark times — JSON text → parseRebalanceRequest → rebalance →
 * JSON.stringify — with explanations off or on, and the single QP the peer solver is timed on.
 *
 * "Explanations on" is the rebalance plus what the explain module adds for every tradable
 * account: binding constraints from the same solve, and customization costs (one more rebalance
 * per customization, through the core without explanations).
 */
import type { RebalanceRequest } from '../../src/domain/index.js';
import { parseRebalanceRequest } from '../../src/io/index.js';
import { buildHouseholdContext } from '../../src/rebalance/context/index.js';
import {
  applyRiskAversion,
  formulate,
  type Formulation,
} from '../../src/rebalance/problem/index.js';
import { rebalance } from '../../src/rebalance/rebalance.js';
import { resolveRiskModel } from '../../src/risk/index.js';

/** Milliseconds spent in each stage of one end-to-end run. */
export interface StageTimes {
  parse: number;
  rebalance: number;
  stringify: number;
  total: number;
  /** Output size, to keep the work observable. */
  bytes: number;
}

/** One timed end-to-end run of `text`. */
export function runOnce(text: string, explain: boolean): StageTimes {
  const t0 = performance.now();
  const parsed = parseRebalanceRequest(JSON.parse(text));
  if (!parsed.ok) throw new Error(`benchmark request invalid: ${parsed.problems[0]?.message}`);
  const t1 = performance.now();
  const response = rebalance(parsed.value, { explain });
  const t2 = performance.now();
  const out = JSON.stringify(response);
  const t3 = performance.now();
  return {
    parse: t1 - t0,
    rebalance: t2 - t1,
    stringify: t3 - t2,
    total: t3 - t0,
    bytes: out.length,
  };
}

/** The first pass's QP of `request` (risk aversion applied), as the peer solver gets it. */
export function firstPassProblem(request: RebalanceRequest): Formulation {
  const { model } = resolveRiskModel(request.riskModel, request.securities);
  const ctx = buildHouseholdContext(request, model);
  const form = formulate(ctx);
  applyRiskAversion(
    form,
    Float64Array.from(form.groups, (g) => g.baseAversion),
  );
  return form;
}
