/**
 * Test support for the scenario fixtures in this folder: each `<story>.json` is a small request
 * with an explicit risk model; {@link runScenario} validates it, rebalances it and checks the
 * proposal against the spec's invariants, and the helpers read the answer the way the stories
 * are told (what was sold from which lot, what is held afterwards).
 */
import type {
  AccountProposal,
  ProposedTrade,
  RebalanceRequest,
  RebalanceResponse,
} from '../../domain/index.js';
import { rebalance } from '../index.js';
import { checkProposal } from '../testing/check-proposal.js';
import type { Violation } from '../testing/check-proposal.js';
import { loadScenario } from './scenario-files.js';

/** A scenario rebalanced, with what the invariant checker finds wrong in the answer. */
export interface ScenarioRun {
  request: RebalanceRequest;
  response: RebalanceResponse;
  violations: Violation[];
  /** The proposal for one account; throws if the response lacks it. */
  account(id: string): AccountProposal;
  /** Shares of `security` held in account `id` after the proposal's trades. */
  heldAfter(id: string, security: string): number;
  /** Shares of `security` held in account `id` before trading. */
  heldBefore(id: string, security: string): number;
}

/**
 * Loads, rebalances and checks a scenario.
 *
 * @example
 * const run = runScenario('harvest-with-replacement');
 * expect(run.violations).toEqual([]);
 * expect(soldFromLot(run.account('joint'), 'L2')).toBe(50);
 */
export function runScenario(name: string): ScenarioRun {
  const request = loadScenario(name);
  const response = rebalance(request);
  const violations = checkProposal(request, response);
  const account = (id: string): AccountProposal => {
    const found = response.accounts.find((a) => a.id === id);
    if (found === undefined) throw new Error(`${name}: the response has no account "${id}"`);
    return found;
  };
  const heldBefore = (id: string, security: string): number => {
    const held = request.accounts.find((a) => a.id === id)?.lots ?? [];
    return held.filter((l) => l.security === security).reduce((sum, l) => sum + l.quantity, 0);
  };
  const heldAfter = (id: string, security: string): number =>
    heldBefore(id, security) +
    quantityTraded(account(id), security, 'buy') -
    quantityTraded(account(id), security, 'sell');
  return { request, response, violations, account, heldAfter, heldBefore };
}

/** The trades of an account, optionally only those of one security and side. */
export function tradesOf(
  account: AccountProposal,
  security?: string,
  side?: ProposedTrade['side'],
): ProposedTrade[] {
  return account.trades.filter(
    (t) =>
      (security === undefined || t.security === security) &&
      (side === undefined || t.side === side),
  );
}

/** Shares of `security` bought (or sold) by an account. */
export function quantityTraded(
  account: AccountProposal,
  security: string,
  side: ProposedTrade['side'],
): number {
  return tradesOf(account, security, side).reduce((sum, t) => sum + t.quantity, 0);
}

/** Currency value of `security` bought (or sold) by an account. */
export function valueTraded(
  account: AccountProposal,
  security: string,
  side: ProposedTrade['side'],
): number {
  return tradesOf(account, security, side).reduce((sum, t) => sum + t.value, 0);
}

/** Shares relieved from one lot by the account's sells (0 when untouched). */
export function soldFromLot(account: AccountProposal, lot: string): number {
  return account.trades
    .flatMap((t) => t.lots ?? [])
    .filter((line) => line.lot === lot)
    .reduce((sum, line) => sum + line.quantity, 0);
}

/** Every reason given on any trade of the account. */
export function reasonsOf(account: AccountProposal): Set<string> {
  return new Set(account.trades.flatMap((t) => t.reasons));
}
