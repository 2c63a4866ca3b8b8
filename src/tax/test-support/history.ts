/**
 * Small builders for hand-written ledger histories in example tests: `household` makes a request,
 * `buy` / `sell` make trades, `replayOk` replays and fails loudly on problems, `openLot` finds an
 * open lot by id.
 */
import type {
  LedgerRequest,
  LedgerResponse,
  LedgerTransaction,
  OpenLotLine,
  TaxStatus,
  TradeTransaction,
} from '../../domain/index.js';
import { formatProblems } from '../../domain/index.js';
import { replayLedger } from '../replay.js';

/** A request for accounts given as `{ id: taxStatus }`; method FIFO unless `extra` says. */
export function household(
  accounts: Readonly<Record<string, TaxStatus>>,
  transactions: LedgerTransaction[],
  extra: Partial<Omit<LedgerRequest, 'accounts' | 'transactions'>> = {},
): LedgerRequest {
  return {
    method: 'FIFO',
    accounts: Object.entries(accounts).map(([id, taxStatus]) => ({ id, taxStatus })),
    transactions,
    ...extra,
  };
}

/** Optional trade fields (tests of invalid input may put a sell's fields on a buy). */
export type TradeExtra = Partial<Pick<TradeTransaction, 'fee' | 'lots' | 'proceeds'>>;

/** A buy; `lot` names the new lot (generated when absent). */
export function buy(
  date: string,
  account: string,
  security: string,
  quantity: number,
  price: number,
  lot?: string,
  extra: TradeExtra = {},
): TradeTransaction {
  const tx: TradeTransaction = { date, account, security, side: 'buy', quantity, price, ...extra };
  if (lot !== undefined) tx.lot = lot;
  return tx;
}

/** A sell; `extra` may name SPECID `lots`, exact `proceeds` and a `fee`. */
export function sell(
  date: string,
  account: string,
  security: string,
  quantity: number,
  price: number,
  extra: TradeExtra = {},
): TradeTransaction {
  return { date, account, security, side: 'sell', quantity, price, ...extra };
}

/** Replays `request`, throwing with the problems if it does not replay. */
export function replayOk(request: LedgerRequest): LedgerResponse {
  const outcome = replayLedger(request);
  if (outcome.status === 'error') {
    throw new Error(`expected the history to replay:\n${formatProblems(outcome.problems)}`);
  }
  return outcome.response;
}

/** The open lot `lot` of a response (throws when there is none). */
export function openLot(response: LedgerResponse, lot: string): OpenLotLine {
  const found = response.openLots.find((l) => l.lot === lot);
  if (!found) {
    const ids = response.openLots.map((l) => l.lot).join(', ') || '(none)';
    throw new Error(`no open lot "${lot}"; open lots: ${ids}`);
  }
  return found;
}
