/**
 * Edits of the balanced-fund household's risk model (balanced-fund-household.ts) that make BND
 * a worse stand-in for AGG, so that harvesting the AGG loss (and holding BND instead) costs
 * more tracking error: the stories of the harvest-or-keep tests.
 */
import type { RebalanceRequest } from '../../domain/index.js';

function withRisk(
  r: RebalanceRequest,
  risk: Partial<NonNullable<RebalanceRequest['riskModel']>>,
): RebalanceRequest {
  return { ...r, riskModel: { ...r.riskModel!, ...risk } };
}

/** BND with large specific risk (0.05 against AGG's 0.0002). */
export function poorStandIn(r: RebalanceRequest): RebalanceRequest {
  return withRisk(r, {
    specificVariance: { VTI: 0.0004, ITOT: 0.0004, AGG: 0.0002, BND: 0.05 },
  });
}

/** BND with half of AGG's bond exposure, both with sizeable specific risk (0.001). */
export function halfStandIn(r: RebalanceRequest): RebalanceRequest {
  return withRisk(r, {
    exposures: { ...r.riskModel!.exposures, BND: [0, 0.5] },
    specificVariance: { VTI: 0.0004, ITOT: 0.0004, AGG: 0.001, BND: 0.001 },
  });
}

/** A volatile bond factor (0.05) that only AGG carries well: BND as `poorStandIn`. */
export function loneBond(r: RebalanceRequest): RebalanceRequest {
  return withRisk(poorStandIn(r), {
    factorCovariance: [
      [0.03, 0],
      [0, 0.05],
    ],
  });
}
