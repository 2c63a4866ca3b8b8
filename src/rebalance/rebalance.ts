/**
 * `rebalance(request) → response`: the household rebalance of spec §1–2, pure and
 * deterministic. Resolves the risk model, builds the household context, formulates one QP for
 * the whole household, solves it in passes (limits, tracking-error limits, wash-sale
 * decisions), rounds to tradable quantities and reports every figure per account.
 */
import type { RebalanceRequest, RebalanceResponse } from '../domain/index.js';
import { resolveRiskModel } from '../risk/index.js';
import { buildHouseholdContext } from './context/index.js';
import { formulate } from './problem/index.js';
import { buildResponse } from './report/index.js';
import { continuousPlans, solveHousehold } from './solve/index.js';

/** Rebalances one household. Never throws for a valid request: problems become statuses. */
export function rebalance(request: RebalanceRequest): RebalanceResponse {
  const { model, proxied } = resolveRiskModel(request.riskModel, request.securities);
  const ctx = buildHouseholdContext(request, model);
  const warnings = proxied.map(
    (p) =>
      `${p.security} is not covered by the risk model; it is modelled as ${p.proxy} (add it to riskModel to model it directly)`,
  );
  const optimized = ctx.accounts.some((a) => a.tradable && a.error === null);
  if (!optimized) return buildResponse(ctx, null, null, [], warnings);
  const form = formulate(ctx);
  const solution = solveHousehold(ctx, form);
  const plans =
    solution.status === 'optimal' && solution.result !== null
      ? continuousPlans(ctx, form, solution.result.x)
      : [];
  return buildResponse(ctx, form, solution, plans, warnings);
}
