/**
 * Books an engine proposal into an arm, as if every trade filled at the proposed price less
 * the half-spread: sells relieve exactly the lot lines the engine chose, buys open new lots, cash
 * moves by the fills, and each fill becomes a ledger transaction (SPECID) and a recent trade.
 * The spread is a fee to the ledger: added to a buy's basis, taken from a sale's proceeds.
 */
import type { AccountProposal, ProposedTrade } from '../domain/index.js';
import type { ArmAccount, ArmState } from './arm-state.js';

const EPSILON_SHARES = 1e-9;

function sell(
  arm: ArmState,
  account: ArmAccount,
  trade: ProposedTrade,
  date: string,
  fee: number,
): void {
  // One ledger sell per lot line: each line's quantity is exact on the engine's share grid,
  // while a float sum of lines need not equal the trade's quantity to the last digit.
  for (const line of trade.lots ?? []) {
    const lot = account.lots.find((l) => l.id === line.lot);
    if (!lot) throw new Error(`the engine sold lot ${line.lot}, which ${account.id} does not hold`);
    const left = onGrid(lot.quantity - line.quantity);
    lot.costBasis = left > 0 ? (lot.costBasis * left) / lot.quantity : 0;
    lot.quantity = left;
    const lineFee = round2((fee * line.quantity) / trade.quantity);
    arm.transactions.push({
      date,
      account: account.id,
      security: trade.security,
      side: 'sell',
      quantity: line.quantity,
      price: trade.price,
      lots: [{ lot: line.lot, quantity: line.quantity }],
      ...(lineFee > 0 ? { fee: lineFee } : {}),
    });
  }
  account.lots = account.lots.filter((l) => l.quantity > 0);
  account.cashUsd += trade.value - fee;
  // The wash-sale rule looks at each lot: a sale whose lots lost money is a loss sale for them
  // even when other lots of the same sale gained more — `realizedLoss`, as the store sends it.
  // A line's gain is after its share of the fee, as the ledger sees it: a few cents of gain can
  // be a loss once the fee is taken from the proceeds.
  const gains = (trade.lots ?? []).map((l) => l.gain - round2((fee * l.quantity) / trade.quantity));
  const lossUsd = gains.filter((g) => g < 0).reduce((s, g) => s + g, 0);
  if (account.taxStatus === 'taxable') arm.tally.harvestedLossUsd -= lossUsd;
  account.recent.push({
    date,
    security: trade.security,
    side: 'sell',
    quantity: trade.quantity,
    price: trade.price,
    realizedGain: gains.reduce((s, g) => s + g, 0),
    ...(lossUsd < 0 ? { realizedLoss: lossUsd } : {}),
  });
}

/** Share quantities live on a 1e-6 grid (the engine's fractional step); float sums drift off it. */
function onGrid(quantity: number): number {
  return Math.max(0, Math.round(quantity * 1e6) / 1e6);
}

function buy(
  arm: ArmState,
  account: ArmAccount,
  trade: ProposedTrade,
  date: string,
  fee: number,
): void {
  const id = `${trade.security}@${date}#${arm.nextLot++}`;
  account.lots.push({
    id,
    security: trade.security,
    quantity: trade.quantity,
    costBasis: trade.value + fee,
    acquired: date,
  });
  account.cashUsd -= trade.value + fee;
  arm.transactions.push({
    date,
    account: account.id,
    security: trade.security,
    side: 'buy',
    quantity: trade.quantity,
    price: trade.price,
    lot: id,
    ...(fee > 0 ? { fee: round2(fee) } : {}),
  });
  account.recent.push({
    date,
    security: trade.security,
    side: 'buy',
    quantity: trade.quantity,
    price: trade.price,
  });
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Applies one account's proposal (sells first, as the ledger replays them). */
export function applyProposal(
  arm: ArmState,
  proposal: AccountProposal,
  date: string,
  spread: number,
): void {
  const account = arm.accounts.find((a) => a.id === proposal.id);
  if (!account)
    throw new Error(`the engine answered for account ${proposal.id}, which the arm lacks`);
  const sells = proposal.trades.filter((t) => t.side === 'sell');
  const buys = proposal.trades.filter((t) => t.side === 'buy');
  for (const trade of [...sells, ...buys]) {
    const fee = round2(spread * trade.value);
    if (trade.side === 'sell') sell(arm, account, trade, date, fee);
    else buy(arm, account, trade, date, fee);
    const held =
      (account.positions.get(trade.security) ?? 0) +
      (trade.side === 'buy' ? trade.quantity : -trade.quantity);
    if (held > EPSILON_SHARES) account.positions.set(trade.security, held);
    else account.positions.delete(trade.security);
    if (trade.side === 'buy') arm.tally.buysUsd += trade.value;
    else arm.tally.sellsUsd += trade.value;
    arm.tally.tradingCostUsd += fee;
  }
}
