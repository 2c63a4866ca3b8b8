/**
 * An independent invariant checker for rebalance proposals, re-derived from the interchange spec
 * (§1–2 and its Definitions) without any engine code: given a request and the engine's response,
 * it lists every rule the response breaks. An empty list means the proposal is consistent with
 * the spec — not that it is optimal.
 *
 * @example
 * const violations = checkProposal(request, rebalance(request));
 * expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
 */
import type { RebalanceRequest, RebalanceResponse } from '../../domain/index.js';
import { checkCash } from './check-cash.js';
import { checkContext, type Check } from './check-context.js';
import { checkIncrements } from './check-increments.js';
import { checkLimits } from './check-limits.js';
import { checkModes } from './check-modes.js';
import { checkRestrictions } from './check-restrictions.js';
import { checkShape } from './check-shape.js';
import { checkSummary } from './check-summary.js';
import { checkTaxRules } from './check-tax-rules.js';
import { checkTrades } from './check-trades.js';
import { checkWash } from './check-wash.js';
import type { Violation } from './violation.js';

export type { Violation } from './violation.js';

/** Every check, in report order. */
export const CHECKS: readonly Check[] = [
  checkShape,
  checkTrades,
  checkRestrictions,
  checkCash,
  checkWash,
  checkModes,
  checkLimits,
  checkIncrements,
  checkTaxRules,
  checkSummary,
];

/** Every rule of the spec that `response` breaks for `request` (empty: none). */
export function checkProposal(request: RebalanceRequest, response: RebalanceResponse): Violation[] {
  const context = checkContext(request, response);
  return CHECKS.flatMap((check) => check(context));
}
