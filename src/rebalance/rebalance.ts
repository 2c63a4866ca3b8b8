/**
 * `rebalance(request) → response`: the household rebalance of spec §1–2, pure and
 * deterministic. Resolves the risk model, builds the household context, formulates one QP for
 * the whole household, solves it in passes (limits, tracking-error limits, wash-sale
 * decisions), rounds to tradable quantities and reports every figure per account; with
 * explanations, adds the binding constraints and the price of each customization.
 */
import type { RebalanceRequest, RebalanceResponse } from '../domain/index.js';
import { resolveRiskModel } from '../risk/index.js';
import type { QpStart } from '../solver/index.js';
import { buildHouseholdContext } from './context/index.js';
import { bindingConstraints, customizationCosts } from './explain/index.js';
import { formulate } from './problem/index.js';
import { buildResponse } from './report/index.js';
import { continuousPlans, solveHousehold } from './solve/index.js';

/** Options of a rebalance. */
export interface RebalanceOptions {
  /**
   * Add `summary.binding` and `summary.customizationCost` (default true). Pricing each
   * customization re-solves the household once per customization; see `customizationCosts`.
   */
  explain?: boolean;
  /**
   * With `explain`, price each customization (default true). Nightly runs over the book turn it
   * off: it re-solves the household once per customization, two to five times the work of the
   * rebalance itself, for a figure that matters when a customization is asked for, not every day.
   */
  customizationCosts?: boolean;
  /**
   * An earlier solution of this household's QP (the same household with one setting changed, as
   * when pricing a customization): the first solve starts there. Ignored when its dimensions
   * differ from this formulation's.
   */
  warmStart?: QpStart;
}

/** Rebalances one household. Never throws for a valid request: problems become statuses. */
export function rebalance(
  request: RebalanceRequest,
  options: RebalanceOptions = {},
): RebalanceResponse {
  const { model, proxied } = resolveRiskModel(request.riskModel, request.securities);
  const ctx = buildHouseholdContext(request, model);
  const warnings = proxied
    .filter((p) => p.basis !== 'cashEquivalent')
    .map(
      (p) =>
        `${p.security} is not covered by the risk model; it is modelled as ${p.proxy} (add it to riskModel to model it directly)`,
    );
  if (!ctx.accounts.some((a) => a.tradable && a.error === null)) {
    return buildResponse(ctx, null, null, [], warnings);
  }
  const form = formulate(ctx);
  const solution = solveHousehold(ctx, form, options.warmStart);
  const plans =
    solution.status === 'optimal' && solution.result !== null
      ? continuousPlans(ctx, form, solution.result.x)
      : [];
  const response = buildResponse(ctx, form, solution, plans, warnings);
  if (options.explain === false || solution.status !== 'optimal') return response;
  const binding = bindingConstraints(ctx, form, solution);
  // Each customization's re-run starts from this optimum (most keep the QP's dimensions).
  const warmStart = solution.result ?? undefined;
  const core = (req: RebalanceRequest): RebalanceResponse =>
    rebalance(req, { explain: false, ...(warmStart ? { warmStart } : {}) });
  response.accounts.forEach((proposal, i) => {
    if (!ctx.accounts[i]!.tradable || proposal.status === 'error') return;
    proposal.summary.binding = binding.get(i) ?? [];
    if (options.customizationCosts === false) return;
    proposal.summary.customizationCost = customizationCosts(request, proposal.id, core, response);
  });
  return response;
}
