export { continuousPlans, type ContinuousAccountPlan } from './continuous-plan.js';
export { activeVariance, groupActiveWeights, groupTrackingErrors } from './group-risk.js';
export { solveHousehold, type ElasticLevel, type HouseholdSolution } from './solve-household.js';
export { TRADE_EPS, type WashDecisions } from './wash-coupling.js';
