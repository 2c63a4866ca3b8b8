/**
 * The year's tax, from the ledger: the year's fills are replayed (SPECID, the lots the engine
 * chose) from the lots open at the year's start, with the wash-sale rule across the household.
 * The replay's open lots — exact, with any wash-sale basis moves — become the arm's lots for
 * the next year, and its realized lines give every tax figure of the year. The tax is the
 * engine's formula (`estimatedTaxUsd`: each term's net at its own rate, a net loss saving tax
 * at that rate against gains elsewhere), so the backtest and the proposals agree.
 */
import type { LedgerRequest, OpeningLot } from '../domain/index.js';
import { estimatedTaxUsd } from '../rebalance/index.js';
import { replayLedger } from '../tax/index.js';
import type { ArmState } from './arm-state.js';

/** What a year's replay found (taxable accounts only). */
export interface YearTax {
  realizedShortTermUsd: number;
  realizedLongTermUsd: number;
  /** Economic losses sold, ≥ 0. */
  harvestedLossUsd: number;
  washSalesIncurred: number;
  washSaleDisallowedUsd: number;
  taxUsd: number;
}

function ledgerRequest(arm: ArmState): LedgerRequest {
  return {
    method: 'SPECID',
    accounts: arm.accounts.map((a) => ({ id: a.id, taxStatus: a.taxStatus })),
    openingLots: arm.opening,
    transactions: arm.transactions,
  };
}

/**
 * Replays the arm's year and resets it for the next: lots from the ledger, no transactions.
 * A replay error is a bug in the backtest (the engine and the ledger disagree), so it throws.
 */
export function settleYear(
  arm: ArmState,
  rates: { shortTermRate: number; longTermRate: number },
): YearTax {
  const outcome = replayLedger(ledgerRequest(arm));
  if (outcome.status === 'error') {
    throw new Error('the ledger refused the backtest year', { cause: outcome.problems });
  }
  const { realized, openLots, totals } = outcome.response;
  const taxable = new Set(arm.accounts.filter((a) => a.taxStatus === 'taxable').map((a) => a.id));
  let harvestedLossUsd = 0;
  let washSalesIncurred = 0;
  for (const line of realized) {
    if (!taxable.has(line.account)) continue;
    if (line.gain < 0) harvestedLossUsd -= line.gain;
    if (line.washSaleDisallowed > 0) washSalesIncurred += 1;
  }
  arm.opening = openLots.map((l): OpeningLot => ({
    account: l.account,
    security: l.security,
    lot: l.lot,
    quantity: l.quantity,
    costBasis: l.costBasis,
    acquired: l.acquired,
    ...(l.bought ? { bought: l.bought } : {}),
    ...(l.washSaleAdjustment > 0 ? { washSaleAdjustment: l.washSaleAdjustment } : {}),
  }));
  arm.transactions = [];
  for (const account of arm.accounts) {
    account.lots = openLots
      .filter((l) => l.account === account.id)
      .map((l) => ({
        id: l.lot,
        security: l.security,
        quantity: l.quantity,
        costBasis: l.costBasis,
        acquired: l.acquired,
      }));
    account.positions = new Map();
    for (const lot of account.lots) {
      account.positions.set(
        lot.security,
        (account.positions.get(lot.security) ?? 0) + lot.quantity,
      );
    }
  }
  return {
    realizedShortTermUsd: totals.shortTerm,
    realizedLongTermUsd: totals.longTerm,
    harvestedLossUsd,
    washSalesIncurred,
    washSaleDisallowedUsd: totals.washSaleDisallowed,
    taxUsd: estimatedTaxUsd(totals.shortTerm, totals.longTerm, rates),
  };
}

/**
 * The tax if every lot were sold at `price` on `date` (the liquidation variant), by the same
 * replay and formula; the arm is left as it was.
 */
export function liquidationTaxUsd(
  arm: ArmState,
  date: string,
  price: (id: string) => number,
  rates: { shortTermRate: number; longTermRate: number },
): number {
  const request = ledgerRequest(arm);
  const sells = arm.accounts.flatMap((a) =>
    a.lots.map((lot) => ({
      date,
      account: a.id,
      security: lot.security,
      side: 'sell' as const,
      quantity: lot.quantity,
      price: Math.max(0.0001, Number(price(lot.security).toPrecision(10))),
      lots: [{ lot: lot.id, quantity: lot.quantity }],
    })),
  );
  const outcome = replayLedger({ ...request, transactions: [...request.transactions, ...sells] });
  if (outcome.status === 'error') {
    throw new Error('the ledger refused the liquidation', { cause: outcome.problems });
  }
  const { totals } = outcome.response;
  return estimatedTaxUsd(totals.shortTerm, totals.longTerm, rates);
}
