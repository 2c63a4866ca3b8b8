/** How an account is taxed: `taxable`, `deferred` (IRA, 401(k)) or `exempt` (Roth, charity). */
export type TaxStatus = 'taxable' | 'deferred' | 'exempt';

/** True for accounts whose realized gains are taxed now. */
export function isTaxable(status: TaxStatus): boolean {
  return status === 'taxable';
}
