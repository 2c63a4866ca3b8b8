/** What every check reads: the request's figures and each account's proposal, paired by id. */
import type {
  AccountProposal,
  ProposedTrade,
  RebalanceRequest,
  RebalanceResponse,
} from '../../domain/index.js';
import { requestFacts, type AccountFacts, type RequestFacts } from './request-facts.js';
import type { Violation } from './violation.js';

/** One request account and its proposal. */
export interface AccountPair {
  facts: AccountFacts;
  proposal: AccountProposal;
}

/** The input of every check. */
export interface CheckContext {
  facts: RequestFacts;
  response: RebalanceResponse;
  /** Accounts with a proposal (a missing one is a shape violation). */
  pairs: AccountPair[];
}

/** A check of one group of rules. */
export type Check = (context: CheckContext) => Violation[];

/** Pairs the request's accounts with the response's proposals by id. */
export function checkContext(request: RebalanceRequest, response: RebalanceResponse): CheckContext {
  const facts = requestFacts(request);
  const byId = new Map(response.accounts.map((p) => [p.id, p]));
  const pairs: AccountPair[] = [];
  for (const account of facts.accounts) {
    const proposal = byId.get(account.id);
    if (proposal) pairs.push({ facts: account, proposal });
  }
  return { facts, response, pairs };
}

/** Σ value of the trades of one side. */
export function sideTotal(trades: readonly ProposedTrade[], side: 'buy' | 'sell'): number {
  return trades.filter((t) => t.side === side).reduce((acc, t) => acc + t.value, 0);
}

/** Shares held per security after the proposal's trades. */
export function holdingsAfter(pair: AccountPair): Map<string, number> {
  const after = new Map(pair.facts.holdings);
  for (const trade of pair.proposal.trades) {
    const sign = trade.side === 'buy' ? 1 : -1;
    after.set(trade.security, (after.get(trade.security) ?? 0) + sign * trade.quantity);
  }
  return after;
}

/** True when a sell relieves (within float noise) every share of its security the account holds. */
export function closesPosition(pair: AccountPair, trade: ProposedTrade): boolean {
  if (trade.side !== 'sell') return false;
  const held = pair.facts.holdings.get(trade.security) ?? 0;
  const sold = pair.proposal.trades
    .filter((t) => t.side === 'sell' && t.security === trade.security)
    .reduce((acc, t) => acc + t.quantity, 0);
  return held > 0 && Math.abs(sold - held) <= 1e-9 * Math.max(1, held);
}

/**
 * True when a sell may be forced (spec Definitions: forced trades): it sells a `noHold` position,
 * or the account has a cash need that sales must meet.
 */
export function mayBeForced(pair: AccountPair, trade: ProposedTrade): boolean {
  if (trade.side !== 'sell') return false;
  return pair.facts.restrictions.noHold.has(trade.security) || pair.facts.cashNeed > 0;
}

/** The accounts whose proposals are answered normally (tradable, status not `error`). */
export function activePairs(context: CheckContext): AccountPair[] {
  return context.pairs.filter((p) => p.facts.tradable && p.proposal.status !== 'error');
}
