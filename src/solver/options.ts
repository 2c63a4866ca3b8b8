import type { QpOptions } from './types.js';

/** Fully resolved options (every field present). */
export type ResolvedQpOptions = Required<QpOptions>;

/**
 * Default tolerances. Feasibility residuals are measured in the caller's (unscaled) units and
 * divided by max(1, ‖data‖ + ‖iterate‖) as in Clarabel; the gap test passes when either the
 * absolute or the relative gap is below tolerance.
 */
export const DEFAULT_QP_OPTIONS: ResolvedQpOptions = Object.freeze({
  maxIterations: 100,
  tolFeas: 1e-8,
  tolGapAbs: 1e-8,
  tolGapRel: 1e-8,
  tolInfeas: 1e-8,
  scalingIterations: 2,
  staticRegularization: 1e-8,
  dynamicRegularizationEps: 1e-13,
  dynamicRegularization: 2e-7,
  refinementSteps: 6,
  centralityCorrectors: 0,
  stepFraction: 0.99,
  rowActivityCheck: true,
  presolve: true,
});

type NumericOption = Exclude<keyof ResolvedQpOptions, 'rowActivityCheck' | 'presolve'>;

/** Merges caller options over the defaults, rejecting values that cannot work. */
export function resolveOptions(options: QpOptions | undefined): ResolvedQpOptions {
  if (options === undefined) return DEFAULT_QP_OPTIONS;
  const o: ResolvedQpOptions = { ...DEFAULT_QP_OPTIONS, ...options };
  const positive: NumericOption[] = [
    'tolFeas',
    'tolGapAbs',
    'tolGapRel',
    'tolInfeas',
    'dynamicRegularization',
  ];
  for (const key of positive) {
    if (!(o[key] > 0)) throw new Error(`QP option ${key} must be a positive number, got ${o[key]}`);
  }
  const nonNegative: NumericOption[] = [
    'maxIterations',
    'scalingIterations',
    'refinementSteps',
    'centralityCorrectors',
    'staticRegularization',
    'dynamicRegularizationEps',
  ];
  for (const key of nonNegative) {
    if (!(o[key] >= 0)) throw new Error(`QP option ${key} must be ≥ 0, got ${o[key]}`);
  }
  if (!(o.stepFraction > 0 && o.stepFraction < 1)) {
    throw new Error(`QP option stepFraction must lie in (0, 1), got ${o.stepFraction}`);
  }
  return o;
}
