/**
 * The rows that cap one account's trades: its turnover limit, the trading mode and drift
 * trigger's caps on optional sells and on buys, and the last-resort lots' cap at the cash
 * shortfall (docs/optimization.md §3).
 */
import type { HouseholdContext } from '../context/index.js';
import type { accountCash, LotRole } from './lot-roles.js';
import type { QpBuilder } from './qp-builder.js';

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
  // Rows are written term by term into the builder (openRange … closeRange): no tuple per term.
  let turnoverRow = -1;
  if (maxTurnover !== undefined) {
    b.openRange();
    for (const v of sell) b.term(v, 1);
    for (const v of buys) b.term(v, 1);
    b.term(turnoverSlack, -1);
    // 1e-7 of room so the limit holds beyond the solver's feasibility tolerance.
    turnoverRow = b.closeRange(-Infinity, 2 * account.valueUsd * maxTurnover * (1 - 1e-7) * inv);
  }
  // Sales that are neither forced nor (in full mode) harvests are capped at the cash shortfall
  // in buyOnly / cashOnly, and inside the drift threshold. sellOnly sells freely.
  const capSells = capsOptionalSales(account);
  const harvestsFree = mode === 'full' || mode === 'sellOnly';
  const isHarvest = (l: number): boolean => roles[l] === 'harvest' && harvestsFree;
  const isOptional = (l: number): boolean =>
    roles[l] !== 'forced' && roles[l] !== 'frozen' && !isHarvest(l);
  const slack = 1e-9;
  const optionalSellRow =
    capSells && roles.some((_, l) => isOptional(l))
      ? lotRow(b, sell, isOptional, cash.shortfallUsd * inv + slack)
      : -1;
  // Buys beyond excess cash (and, inside the drift threshold, harvest proceeds) are not allowed
  // in cashOnly mode or inside the drift threshold.
  const capBuys = mode === 'cashOnly' || (account.withinDrift && mode !== 'sellOnly');
  let buyCapRow = -1;
  if (capBuys) {
    b.openRange();
    for (const v of buys) b.term(v, 1);
    if (account.withinDrift && mode === 'full') {
      for (let l = 0; l < roles.length; l++) if (isHarvest(l)) b.term(sell[l]!, -1);
    }
    buyCapRow = b.closeRange(-Infinity, cash.excessCashUsd * inv + slack);
  }
  const isLastResort = (l: number): boolean => roles[l] === 'lastResort';
  const lastResortRow =
    cash.shortfallUsd > 0 && roles.includes('lastResort')
      ? lotRow(b, sell, isLastResort, cash.shortfallUsd * inv + slack)
      : -1;
  return { turnoverRow, optionalSellRow, buyCapRow, lastResortRow };
}

/** The row Σ_{l: pick(l)} s_l ≤ hi over the account's lots; returns its index. */
function lotRow(b: QpBuilder, sell: Int32Array, pick: (l: number) => boolean, hi: number): number {
  b.openRange();
  for (let l = 0; l < sell.length; l++) if (pick(l)) b.term(sell[l]!, 1);
  return b.closeRange(-Infinity, hi);
}
