/**
 * When an account's rules that never give way really contradict each other (spec Definitions:
 * Status, Cash rule), worked out independently: `noHold` and `noSell` on a security it holds, or a
 * withdrawal that cash plus every sellable (not `noSell`) position cannot raise. Held-away
 * accounts never conflict: their settings are ignored.
 */
import type { RebalanceRequest } from '../../domain/index.js';
import { requestFacts } from './request-facts.js';

/** An account's hard-rule contradictions, and how far its cash need exceeds what it can raise. */
export interface Contradiction {
  account: string;
  /** Why the account must be `error` (empty: it must not, unless `borderline`). */
  reasons: string[];
  /** The cash need is within a cent of what can be raised: either status is acceptable. */
  borderline: boolean;
}

/** The contradictions of every account of the request, in order. */
export function contradictions(request: RebalanceRequest): Contradiction[] {
  const facts = requestFacts(request);
  return facts.accounts.map((account) => {
    const reasons: string[] = [];
    if (!account.tradable) return { account: account.id, reasons, borderline: false };
    const { noHold, noSell } = account.restrictions;
    let raisable = account.account.cash;
    for (const [security, quantity] of account.holdings) {
      if (noHold.has(security) && noSell.has(security))
        reasons.push(`noHold and noSell on held ${security}`);
      if (!noSell.has(security))
        raisable += quantity * (facts.securities.get(security)?.price ?? 0);
    }
    const need = account.withdrawal + account.cashMin * (account.value - account.withdrawal);
    const excess = need - raisable;
    if (excess > 0.01) reasons.push(`needs ${need} in cash but can raise only ${raisable}`);
    return { account: account.id, reasons, borderline: Math.abs(excess) <= 0.01 };
  });
}
