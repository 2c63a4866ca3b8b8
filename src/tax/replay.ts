/**
 * `replayLedger`: a household's transaction history in, realized lines, open lots and totals out,
 * exact to the cent. Pure: the same request always gives the same response.
 */
import type {
  LedgerRequest,
  LedgerResponse,
  LedgerTransaction,
  Problem,
  TradeTransaction,
} from '../domain/index.js';
import { toDay } from './calendar.js';
import {
  applyRename,
  applyReturnOfCapital,
  applySpinoff,
  applySplit,
  splitFraction,
} from './corporate-actions.js';
import { exact, ZERO } from './exact.js';
import { Holdings } from './holdings.js';
import { ledgerResponse } from './ledger-output.js';
import { heldKey, type KnownBuy, type LedgerState } from './ledger-state.js';
import { applyBuy, applySell, type Step } from './trades.js';
import { WashIdentity } from './wash-identity.js';

/** What a replay gives: the response, or every problem that stops it (nothing is half applied). */
export type LedgerOutcome =
  { status: 'ok'; response: LedgerResponse } | { status: 'error'; problems: Problem[] };

/** The exact state after a replay, before rounding (for reconciliation and tests). */
export type ExactOutcome =
  { status: 'ok'; state: LedgerState } | { status: 'error'; problems: Problem[] };

function isTrade(tx: LedgerTransaction): tx is TradeTransaction {
  return 'side' in tx;
}

/** Checks that need the whole request but no replay: accounts and SPECID lot lists. */
function checkReferences(request: LedgerRequest): Problem[] {
  const problems: Problem[] = [];
  const known = new Set<string>();
  request.accounts.forEach((account, i) => {
    if (known.has(account.id)) {
      problems.push({
        path: ['accounts', i, 'id'],
        code: 'duplicateAccount',
        message: `account id "${account.id}" appears twice; give each account its own id`,
      });
    }
    known.add(account.id);
  });
  const unknown = (path: (string | number)[], id: string): void => {
    problems.push({
      path,
      code: 'unknownAccount',
      message: `account "${id}" is not in accounts; add it there or fix the id (known: ${[...known].join(', ')})`,
    });
  };
  (request.openingLots ?? []).forEach((lot, i) => {
    if (!known.has(lot.account)) unknown(['openingLots', i, 'account'], lot.account);
  });
  request.transactions.forEach((tx, i) => {
    if (!isTrade(tx)) return;
    if (!known.has(tx.account)) unknown(['transactions', i, 'account'], tx.account);
    if (tx.side === 'sell' && request.method === 'SPECID' && !tx.lots) {
      problems.push({
        path: ['transactions', i, 'lots'],
        code: 'specIdNeedsLots',
        message: 'a SPECID sell must name the lots it relieves in `lots`',
      });
    }
    if (tx.lots && tx.side === 'buy') {
      problems.push({
        path: ['transactions', i, 'lots'],
        code: 'lotsNotAllowed',
        message: '`lots` names the lots a sell relieves; a buy has none, so remove it',
      });
    }
  });
  return problems;
}

/**
 * The replay order (date, then input order), the identity of substantially identical shares, and
 * the companies (tickers joined by ticker changes alone, whose splits wash-sale matching converts).
 */
function plan(request: LedgerRequest): Plan {
  const identity = new WashIdentity();
  const companies = new WashIdentity();
  for (const group of request.washGroups ?? []) for (const t of group) identity.join(group[0]!, t);
  const days = request.transactions.map((tx) => toDay(tx.date));
  const order = days.map((_, i) => i).sort((a, b) => days[a]! - days[b]! || a - b);
  for (const tx of request.transactions) {
    if (!('renameTo' in tx)) continue;
    identity.join(tx.security, tx.renameTo);
    companies.join(tx.security, tx.renameTo);
  }
  return { order, identity, companies };
}

interface Plan {
  order: number[];
  identity: WashIdentity;
  companies: WashIdentity;
}

function initialState(
  request: LedgerRequest,
  { order, identity, companies }: Plan,
): LedgerState | Problem {
  const state: LedgerState = {
    method: request.method,
    taxStatus: new Map(request.accounts.map((a) => [a.id, a.taxStatus])),
    holdings: new Holdings(request.accounts.map((a) => a.id)),
    identity,
    buysByRoot: new Map(),
    buyBySeq: new Map(),
    companies,
    splitsByCompany: new Map(),
    realized: [],
    lotIds: new Map(request.accounts.map((a) => [a.id, new Set<string>()])),
    everHeld: new Set(),
  };
  order.forEach((index, seq) => {
    const tx = request.transactions[index]!;
    if ('split' in tx) {
      const root = companies.root(tx.security);
      const list = state.splitsByCompany.get(root) ?? [];
      list.push({ seq, ...splitFraction(tx.split) });
      state.splitsByCompany.set(root, list);
      return;
    }
    if (!isTrade(tx) || tx.side !== 'buy') return;
    const buy: KnownBuy = {
      seq,
      day: toDay(tx.date),
      account: tx.account,
      security: tx.security,
      quantity: exact(tx.quantity),
      reservations: [],
      reserved: ZERO,
    };
    const root = identity.root(tx.security);
    const list = state.buysByRoot.get(root) ?? [];
    list.push(buy);
    state.buysByRoot.set(root, list);
    state.buyBySeq.set(seq, buy);
  });
  const opening = request.openingLots ?? [];
  for (const [i, o] of opening.entries()) {
    const ids = state.lotIds.get(o.account)!;
    if (ids.has(o.lot)) {
      return {
        path: ['openingLots', i, 'lot'],
        code: 'duplicateLot',
        message: `lot id "${o.lot}" is already used in account "${o.account}"; give each lot its own id`,
      };
    }
    ids.add(o.lot);
    state.everHeld.add(heldKey(o.account, o.security));
    state.holdings.add({
      id: o.lot,
      originId: o.lot,
      account: o.account,
      security: o.security,
      quantity: exact(o.quantity),
      basis: exact(o.costBasis),
      washAdjustment: exact(o.washSaleAdjustment ?? 0),
      acquired: toDay(o.acquired),
      bought: toDay(o.bought ?? o.acquired),
      order: i - opening.length,
      partRank: 1,
      isAcquisition: true,
      replacementUsed: false,
    });
  }
  return state;
}

function applyStep(state: LedgerState, tx: LedgerTransaction, step: Step): Problem | undefined {
  if (isTrade(tx))
    return tx.side === 'buy' ? applyBuy(state, tx, step) : applySell(state, tx, step);
  if ('split' in tx) applySplit(state, tx.security, tx.split);
  else if ('renameTo' in tx) applyRename(state, tx.security, tx.renameTo);
  else if ('returnOfCapital' in tx) applyReturnOfCapital(state, tx);
  else return applySpinoff(state, tx, step.index);
  return undefined;
}

/**
 * Replays a history exactly: the state after the last transaction, nothing rounded. Same rules and
 * errors as {@link replayLedger}.
 */
export function replayExact(request: LedgerRequest): ExactOutcome {
  const problems = checkReferences(request);
  if (problems.length > 0) return { status: 'error', problems };
  const replayPlan = plan(request);
  const state = initialState(request, replayPlan);
  if ('code' in state) return { status: 'error', problems: [state] };
  for (const [seq, index] of replayPlan.order.entries()) {
    const problem = applyStep(state, request.transactions[index]!, { seq, index });
    if (problem) return { status: 'error', problems: [problem] };
  }
  return { status: 'ok', state };
}

/**
 * Replays a household's history (spec §3) into realized lines, open lots and totals (spec §4).
 * Transactions apply in date order, ties in input order. The first problem stops the replay and
 * nothing is returned but the problem, naming the transaction's JSON path and the rule.
 *
 * @example
 * const outcome = replayLedger({ method: 'FIFO', accounts: [{ id: 'A', taxStatus: 'taxable' }],
 *   transactions: [
 *     { date: '2024-01-05', account: 'A', security: 'XYZ', side: 'buy', quantity: 100, price: 20 },
 *     { date: '2024-02-10', account: 'A', security: 'XYZ', side: 'sell', quantity: 40, price: 15 } ] });
 * // outcome.status === 'ok'; outcome.response.totals.shortTerm === -200
 */
export function replayLedger(request: LedgerRequest): LedgerOutcome {
  const outcome = replayExact(request);
  if (outcome.status === 'error') return outcome;
  const { state } = outcome;
  const open = state.holdings.all(request.accounts.map((a) => a.id));
  return { status: 'ok', response: ledgerResponse(state.realized, open) };
}
