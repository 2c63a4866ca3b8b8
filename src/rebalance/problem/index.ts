/** The household QP: variables, rows and costs (docs/optimization.md §1–3). */
export {
  applyRiskAversion,
  baseAversions,
  costAt,
  curvatureAt,
  objectiveAt,
  type AccountBlock,
  type Formulation,
  type RiskGroup,
} from './formulation.js';
export { capsOptionalSales } from './account-rows.js';
export { formulate, LAST_RESORT_COST } from './formulate.js';
export {
  accountCash,
  lotRole,
  type AccountCash,
  type LastResortWhy,
  type LotRole,
} from './lot-roles.js';
export { QpBuilder, type Term } from './qp-builder.js';
export { accountRiskAversion, DEFAULT_RISK_AVERSION } from './risk-aversion.js';
export { MODEL_FIDELITY_VARIANCE } from './risk-terms.js';
