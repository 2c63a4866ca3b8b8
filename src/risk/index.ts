/**
 * Factor risk models: the shipped default statistical model, the per-request internal form with
 * proxies for uncovered securities, tracking error, and the estimation used to build the default.
 */
export type { FactorModelRow, FactorRiskModel } from './factor-risk-model.js';
export { createFactorRiskModel } from './factor-risk-model.js';
export type { ProxiedSecurity, ResolvedRiskModel } from './resolve-risk-model.js';
export { CASH_EQUIVALENT_SPECIFIC_VARIANCE, resolveRiskModel } from './resolve-risk-model.js';
export type { Proxy, ProxyBasis } from './proxy-groups.js';
export { EMPTY_MODEL_SPECIFIC_VARIANCE } from './proxy-groups.js';
export type { FactorSquareRoot } from './factor-square-root.js';
export { factorSquareRoot, whitenedExposure } from './factor-square-root.js';
export {
  trackingError,
  trackingErrorVariance,
  trackingErrorVarianceByRow,
} from './tracking-error.js';
export {
  loadDefaultRiskModel,
  loadDefaultRiskModelFile,
  newestDefaultFile,
  riskModelFolder,
} from './default-risk-model.js';
export type { Classification, RiskModelFile, RiskModelMethod } from './risk-model-file.js';
export { checkRiskModelFile } from './risk-model-file.js';
export type { ReturnsPanel } from './returns-panel.js';
export { dailyReturns } from './returns-panel.js';
export type { EstimateOptions, EstimatedFactorModel } from './estimate-factor-model.js';
export { estimateFactorModel } from './estimate-factor-model.js';
export type { Eigenpairs } from './symmetric-eigen.js';
export { symmetricEigen } from './symmetric-eigen.js';
export type { TopEigenOptions, TopEigenpairs } from './top-eigenpairs.js';
export { topEigenpairs } from './top-eigenpairs.js';
