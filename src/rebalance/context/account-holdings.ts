/** What an account holds before trading: its lots, shares per security, and its value V. */
import type { RebalanceAccount } from '../../domain/index.js';
import type { Day } from '../../tax/index.js';
import { lotFacts } from './lot-facts.js';
import { indexOfSecurity } from './security-facts.js';
import type { LotFacts, SecurityFacts } from './types.js';

/** An account's holdings, valued on `asOf`. */
export interface AccountHoldings {
  lots: LotFacts[];
  heldQuantity: Float64Array;
  /** V = cash + Σ quantity × price. */
  valueUsd: number;
}

/** The lots of account number `accountIndex` with their facts, and the totals they add up to. */
export function accountHoldings(
  account: RebalanceAccount,
  accountIndex: number,
  securities: readonly SecurityFacts[],
  securityIndex: ReadonlyMap<string, number>,
  asOf: Day,
): AccountHoldings {
  const heldQuantity = new Float64Array(securities.length);
  let valueUsd = account.cash;
  const lots: LotFacts[] = [];
  for (const lot of account.lots) {
    const security = securities[indexOfSecurity(securityIndex, lot.security)]!;
    const facts = lotFacts(lot, accountIndex, security, asOf);
    heldQuantity[security.index]! += lot.quantity;
    valueUsd += facts.valueUsd;
    lots.push(facts);
  }
  return { lots, heldQuantity, valueUsd };
}
