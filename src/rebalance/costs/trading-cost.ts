/**
 * Trading costs: a proportional half-spread per unit of value traded, the same on buys and
 * sells. Defaults (documented in docs/optimization.md): 5 bps for securities, 1 bp for cash
 * equivalents. The optimizer's linear cost and the report use this one function.
 */

/** Default half-spread of a security, as a fraction of value traded. */
export const DEFAULT_SPREAD = 0.0005;
/** Default half-spread of a cash equivalent. */
export const CASH_EQUIVALENT_SPREAD = 0.0001;

/** Half-spread cost per unit of value traded. */
export function spreadPerValue(security: { cashEquivalent: boolean }): number {
  return security.cashEquivalent ? CASH_EQUIVALENT_SPREAD : DEFAULT_SPREAD;
}
