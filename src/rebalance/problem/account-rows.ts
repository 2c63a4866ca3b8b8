/**
 * The rows that cap one account's trades: its turnover limit, the trading mode and drift
 * trigger's caps on optional sells and on buys, and the last-resort lots' cap at the cash
 * shortfall (docs/optimization.md §3).
 */
import type { HouseholdContext } from '../context/index.js';
import type { accountCash, LotRole } from './lot-roles.js';
import type { QpBuilder, Term } from './qp-builder.js';

/**
 * Whether sales that are neither forced nor (in full mode) harvests are capped at the cash
 * shortfall: in buyOnly and cashOnly mode, and inside the drift threshold (sellOnly sells freely).
 */
export function capsOptionalSales(account: HouseholdContext['accounts'][number]): boolean {
  const { mode } = account.settings;
  return mode === 'buyOnly' || mode === 'cashOnly' || account.withinDrift;
}

/**
 * Turnover, trading-mode and last-resort rows of one account. `buys` are the account's buy
 * variables of their own (security-variables.ts); a buy it may never make is 0 and adds nothing.
 */
export function addAccountRows(
  b: QpBuilder,
  account: HouseholdContext['accounts'][number],
  roles: readonly LotRole[],
  sell: Int32Array,
  buys: readonly number[],
  turnoverSlack: number,
  cash: ReturnType<typeof accountCash>,
  inv: number,
) {
  const { mode, maxTurnover } = account.settings;
  const all: Term[] = [];
  for (const v of sell) all.push([v, 1]);
  for (const v of buys) all.push([v, 1]);
  const turnoverRow =
    maxTurnover === undefined
      ? -1
      : // 1e-7 of room so the limit holds beyond the solver's feasibility tolerance.
        b.range(
          [...all, [turnoverSlack, -1]],
          -Infinity,
          2 * account.valueUsd * maxTurnover * (1 - 1e-7) * inv,
        );
  // Sales that are neither forced nor (in full mode) harvests are capped at the cash shortfall
  // in buyOnly / cashOnly, and inside the drift threshold. sellOnly sells freely.
  const capSells = capsOptionalSales(account);
  const optional: Term[] = [];
  const harvests: Term[] = [];
  for (let l = 0; l < roles.length; l++) {
    const role = roles[l]!;
    if (role === 'forced' || role === 'frozen') continue;
    if (role === 'harvest' && (mode === 'full' || mode === 'sellOnly'))
      harvests.push([sell[l]!, -1]);
    else optional.push([sell[l]!, 1]);
  }
  const slack = 1e-9;
  const optionalSellRow =
    capSells && optional.length > 0
      ? b.range(optional, -Infinity, cash.shortfallUsd * inv + slack)
      : -1;
  // Buys beyond excess cash (and, inside the drift threshold, harvest proceeds) are not allowed
  // in cashOnly mode or inside the drift threshold.
  const capBuys = mode === 'cashOnly' || (account.withinDrift && mode !== 'sellOnly');
  const buyTerms: Term[] = [];
  for (const v of buys) buyTerms.push([v, 1]);
  if (account.withinDrift && mode === 'full') buyTerms.push(...harvests);
  const buyCapRow = capBuys ? b.range(buyTerms, -Infinity, cash.excessCashUsd * inv + slack) : -1;
  const lastResort: Term[] = [];
  for (let l = 0; l < roles.length; l++) {
    if (roles[l] === 'lastResort') lastResort.push([sell[l]!, 1]);
  }
  const lastResortRow =
    lastResort.length > 0 && cash.shortfallUsd > 0
      ? b.range(lastResort, -Infinity, cash.shortfallUsd * inv + slack)
      : -1;
  return { turnoverRow, optionalSellRow, buyCapRow, lastResortRow };
}
