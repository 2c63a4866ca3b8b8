/** `lots.csv` and `transactions.csv`. */
import { describeInput } from '../describe-input.js';
import { dateCell, decimalCell, enumCell, idCell } from './cells.js';
import { compareDecimals } from './decimal-text.js';
import { TRANSACTION_TYPES, type FeedLot, type FeedTransaction } from './feed-data.js';
import type { RowReader } from './row-reader.js';
import { refIn, type TableSpec } from './table-spec.js';

/** The custodian's full lot list of each account present in the file. */
export const lotsTable: TableSpec<FeedLot> = {
  file: 'lots.csv',
  columns: [
    { name: 'account_id', required: true },
    { name: 'lot_id', required: true },
    { name: 'security_id', required: true },
    { name: 'quantity', required: true },
    { name: 'cost_basis', required: true },
    { name: 'acquired', required: true },
  ],
  read(r) {
    const accountId = r.required('account_id', idCell);
    const id = r.required('lot_id', idCell);
    const securityId = r.required('security_id', idCell);
    const quantity = r.required('quantity', decimalCell('positive'));
    const costBasis = r.required('cost_basis', decimalCell('nonNegative'));
    const acquired = r.required('acquired', dateCell);
    return {
      accountId: accountId!,
      id: id!,
      securityId: securityId!,
      quantity: quantity!,
      costBasis: costBasis!,
      acquired: acquired!,
    };
  },
  key: { columns: ['account_id', 'lot_id'], what: 'lot (account_id, lot_id)' },
  group: { column: 'account_id', why: "an account's lots are replaced as a whole" },
  refs: (r) => [...refIn(r, 'account', 'account_id'), ...refIn(r, 'security', 'security_id')],
};

/** Cash in (+) for these types, out (−) for the others. */
const CASH_IN = new Set(['sell', 'deposit', 'dividend']);
const TRADES = new Set(['buy', 'sell']);

/** The rules between a transaction's cells, given its type. */
function checkByType(r: RowReader, t: FeedTransaction): void {
  const trade = TRADES.has(t.type);
  for (const column of ['quantity', 'price'] as const) {
    const given = t[column] !== null;
    if (trade && !given) r.problem(column, `required for a ${t.type}, but the cell is empty`);
    if (!trade && given) r.problem(column, `only a buy or a sell has a ${column}: leave it empty`);
  }
  if ((trade || t.type === 'dividend') && t.securityId === null)
    r.problem('security_id', `required for a ${t.type}, but the cell is empty`);
  if (t.realizedGain !== null && t.type !== 'sell')
    r.problem('realized_gain', `only a sell has a realized gain: leave it empty`);
  if (t.realizedLoss !== null && t.type !== 'sell')
    r.problem('realized_loss', `only a sell has a realized loss: leave it empty`);
  const cashIn = CASH_IN.has(t.type);
  const sign = compareDecimals(t.amount, '0');
  if (cashIn ? sign < 0 : sign > 0) {
    r.problem(
      'amount',
      `a ${t.type} ${cashIn ? 'brings cash in' : 'takes cash out'}: expected an amount ` +
        `${cashIn ? 'at least 0' : 'at most 0 (negative)'}, found ${describeInput(t.amount)}`,
    );
  }
}

/** Appended; a row exactly like one already in the store is not written twice. */
export const transactionsTable: TableSpec<FeedTransaction> = {
  file: 'transactions.csv',
  columns: [
    { name: 'account_id', required: true },
    { name: 'date', required: true },
    { name: 'type', required: true },
    { name: 'security_id', required: false },
    { name: 'quantity', required: false },
    { name: 'price', required: false },
    { name: 'amount', required: true },
    { name: 'realized_gain', required: false },
    { name: 'realized_loss', required: false },
    { name: 'trade_id', required: false },
  ],
  read(r) {
    const accountId = r.required('account_id', idCell);
    const date = r.required('date', dateCell);
    const type = r.required('type', enumCell(TRANSACTION_TYPES));
    const amount = r.required('amount', decimalCell('any'));
    const t: FeedTransaction = {
      accountId: accountId!,
      date: date!,
      type: type!,
      securityId: r.optional('security_id', idCell) ?? null,
      quantity: r.optional('quantity', decimalCell('positive')) ?? null,
      price: r.optional('price', decimalCell('positive')) ?? null,
      amount: amount!,
      realizedGain: r.optional('realized_gain', decimalCell('any')) ?? null,
      realizedLoss: r.optional('realized_loss', decimalCell('nonPositive')) ?? null,
      tradeId: r.optional('trade_id', idCell) ?? null,
    };
    if (type !== undefined && amount !== undefined) checkByType(r, t);
    return t;
  },
  refs: (r) => [...refIn(r, 'account', 'account_id'), ...refIn(r, 'security', 'security_id')],
};
