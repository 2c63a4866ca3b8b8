/**
 * Books a rebalance response into the request it answered, as if every trade filled at its
 * proposed price: the next year of a transition plan starts from the result. Shares, bases and
 * cash are exact decimals, as the engine's own money is (docs/interchange.md, "Money"): a sell
 * relieves exactly the lot lines the engine names (quantity and the line's basis, both
 * subtracted), a buy opens one lot at its trade value, and cash moves by the trade values.
 */
import { Decimal } from 'decimal.js';
import type {
  AccountProposal,
  CashSettings,
  HeldLot,
  ProposedTrade,
  RebalanceAccount,
  RebalanceRequest,
  RebalanceResponse,
} from '../../domain/index.js';

/** Enough digits that no sum of shares or cents of a household is ever rounded. */
const Exact = Decimal.clone({ precision: 50 });
type Exact = InstanceType<typeof Exact>;

/** A JSON number as the decimal its shortest text names (0.1 is one tenth). */
function exact(value: number): Exact {
  return new Exact(String(value));
}

/** A decimal back to a JSON number (never −0). */
function toNumber(value: Exact): number {
  const n = value.toNumber();
  return Object.is(n, -0) ? 0 : n;
}

/** A lot id not yet used in the account: `<asOf>-<security>`, suffixed when taken. */
function newLotId(taken: Set<string>, asOf: string, security: string): string {
  const base = `${asOf}-${security}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Relieves a sell's lot lines; throws when the engine names a lot the account lacks. */
function relieve(lots: Map<string, HeldLot>, accountId: string, trade: ProposedTrade): void {
  for (const line of trade.lots ?? []) {
    const lot = lots.get(line.lot);
    if (!lot || lot.security !== trade.security) {
      throw new Error(`account ${accountId}: the proposal sells lot ${line.lot}, not held`);
    }
    const left = exact(lot.quantity).minus(exact(line.quantity));
    if (left.isNegative()) {
      throw new Error(`account ${accountId}: the proposal sells more of lot ${line.lot} than held`);
    }
    // The line's basis is the lot's basis pro rata, rounded to the cent: what is left is the rest.
    const basis = Exact.max(0, exact(lot.costBasis).minus(exact(line.costBasis)));
    if (left.isZero()) lots.delete(line.lot);
    else lots.set(line.lot, { ...lot, quantity: toNumber(left), costBasis: toNumber(basis) });
  }
}

/** The cash settings once the withdrawal has been paid (it leaves once, not every year). */
function withoutWithdrawal(cash: CashSettings): CashSettings | undefined {
  const rest = { ...cash };
  delete rest.withdrawal;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

/** One account after its proposal's trades. */
function applyAccount(
  account: RebalanceAccount,
  proposal: AccountProposal,
  asOf: string,
): RebalanceAccount {
  // An account in error was not traded and its withdrawal not paid: it stays as it was.
  if (proposal.status === 'error' || account.tradable === false) return account;
  const lots = new Map(account.lots.map((l) => [l.id, l]));
  const taken = new Set(lots.keys());
  const bought: HeldLot[] = [];
  const withdrawal = account.settings?.cash?.withdrawal ?? 0;
  let cash = exact(account.cash).minus(exact(withdrawal));
  for (const trade of proposal.trades) {
    if (trade.side === 'sell') {
      relieve(lots, account.id, trade);
      cash = cash.plus(exact(trade.value));
    } else {
      const id = newLotId(taken, asOf, trade.security);
      bought.push({
        id,
        security: trade.security,
        quantity: trade.quantity,
        costBasis: trade.value,
        acquired: asOf,
      });
      cash = cash.minus(exact(trade.value));
    }
  }
  const next: RebalanceAccount = {
    ...account,
    cash: toNumber(cash),
    lots: [...lots.values(), ...bought],
  };
  const cashSettings = account.settings?.cash;
  if (withdrawal > 0 && cashSettings) {
    const settings = { ...account.settings };
    const rest = withoutWithdrawal(cashSettings);
    if (rest) settings.cash = rest;
    else delete settings.cash;
    next.settings = settings;
  }
  return next;
}

/**
 * The request's accounts after the response's trades: a new request (the input is not changed)
 * with the same `asOf` and `recentTrades`. Accounts in error, held-away accounts and accounts
 * the response does not name are unchanged. A paid withdrawal is taken from cash and removed
 * from the settings, so cash equals the engine's `summary.after.cash`.
 *
 * @example
 * const next = applyProposal(request, rebalance(request, { explain: false }));
 */
export function applyProposal(
  request: RebalanceRequest,
  response: RebalanceResponse,
): RebalanceRequest {
  const proposals = new Map(response.accounts.map((p) => [p.id, p]));
  return {
    ...request,
    accounts: request.accounts.map((account) => {
      const proposal = proposals.get(account.id);
      return proposal ? applyAccount(account, proposal, request.asOf) : account;
    }),
  };
}
