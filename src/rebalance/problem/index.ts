export {
  applyRiskAversion,
  type AccountBlock,
  type Formulation,
  type RiskGroup,
} from './formulation.js';
export {
  accountRiskAversion,
  DEFAULT_RISK_AVERSION,
  formulate,
  LAST_RESORT_COST,
} from './formulate.js';
export {
  accountCash,
  lotRole,
  type AccountCash,
  type LastResortWhy,
  type LotRole,
} from './lot-roles.js';
export { QpBuilder, type Term } from './qp-builder.js';
