/**
 * One trading day of one arm: the tax of last year paid or refunded on the first day of a year,
 * the month-end flow, the daily harvest scan, the engine call and its fills, the day's value
 * and returns, and on the last day of a year the ledger's settlement.
 */
import type { AccountProposal, Model, RiskModel, Security } from '../domain/index.js';
import { rebalance } from '../rebalance/index.js';
import { accountValueUsd, emptyTally } from './arm-state.js';
import { applyProposal } from './apply-proposal.js';
import { buildRequest, forgetOldTrades } from './build-request.js';
import { harvestCandidates, shouldScan, washBarredUnderweight } from './harvest-trigger.js';
import type { BacktestConfig } from './result.js';
import { liquidationTaxUsd, settleYear } from './settle-year.js';
import type { ArmRecord } from './summarise.js';

/** What every arm sees on a day. */
export interface MarketDay {
  date: string;
  price: (id: string) => number;
  /** The day's prices as the engine reads them. */
  securities: Security[];
  models: Model[];
  riskModel: RiskModel;
  first: boolean;
  last: boolean;
  monthEnd: boolean;
  yearEnd: boolean;
  /** The first trading day of a year (not the window's first day). */
  newYear: boolean;
  /** The client's flow into the taxable account today (negative: out), USD. */
  contributionUsd: number;
  /** The taxable account's benchmark return today. */
  benchmarkReturn: number;
}

type ProposalListener = (date: string, arm: 'harvest' | 'noHarvest', p: AccountProposal) => void;

/** Model weights of the account's model, by security. */
function targetsOf(models: Model[], model: string): Map<string, number> {
  const targets = models.find((m) => m.id === model)?.targets ?? [];
  return new Map(
    targets.flatMap((x) => ('security' in x ? [[x.security, x.weight] as const] : [])),
  );
}

/** Asks the engine and books its answer. */
function callEngine(
  record: ArmRecord,
  day: MarketDay,
  config: BacktestConfig,
  kind: { scan: boolean; withdrawalUsd: Map<string, number> },
  onProposal?: ProposalListener,
): void {
  const arm = record.arm;
  const taxable = arm.accounts[0]!;
  if (arm.harvest) {
    const valueUsd = accountValueUsd(taxable, day.price);
    const targets = targetsOf(day.models, taxable.model);
    record.washAvoided += washBarredUnderweight(taxable, day.date, day.price, targets, valueUsd);
  }
  const { date, securities, riskModel, models } = day;
  const request = buildRequest(arm, config, date, securities, riskModel, models, kind);
  const response = rebalance(request, { explain: false });
  record.calls += 1;
  arm.tally.engineCalls += 1;
  for (const proposal of response.accounts) {
    if (proposal.status === 'error') {
      record.warnings.push(`${date} ${proposal.id}: ${proposal.error?.message ?? 'error'}`);
      continue;
    }
    if (proposal.trades.length > 0) {
      arm.tally.rebalances += 1;
      onProposal?.(date, arm.harvest ? 'harvest' : 'noHarvest', proposal);
    }
    applyProposal(arm, proposal, date, config.spread);
  }
  // The withdrawal leaves the account once the engine has raised it.
  for (const [id, usd] of kind.withdrawalUsd) arm.accounts.find((a) => a.id === id)!.cashUsd -= usd;
}

/** Simulates `record`'s arm through `day`. */
export function stepArm(
  record: ArmRecord,
  day: MarketDay,
  config: BacktestConfig,
  onProposal?: ProposalListener,
): void {
  const arm = record.arm;
  const taxable = arm.accounts[0]!;
  forgetOldTrades(arm, day.date);
  const withdrawalUsd = new Map<string, number>();
  let taxPaidUsd = 0;
  let call = day.first || day.monthEnd;
  if (day.newYear && arm.taxDueUsd !== 0) {
    taxPaidUsd = arm.taxDueUsd;
    if (taxPaidUsd > 0) withdrawalUsd.set(taxable.id, taxPaidUsd);
    else taxable.cashUsd -= taxPaidUsd;
    arm.taxDueUsd = 0;
    call = true;
  }
  const flowUsd = day.contributionUsd;
  if (flowUsd > 0) taxable.cashUsd += flowUsd;
  if (flowUsd < 0) withdrawalUsd.set(taxable.id, (withdrawalUsd.get(taxable.id) ?? 0) - flowUsd);
  let scan = false;
  if (!call && arm.harvest && config.schedule === 'daily') {
    const candidates = harvestCandidates(taxable, day.date, day.price, config.minHarvestUsd);
    scan = shouldScan(candidates, accountValueUsd(taxable, day.price), record.asked);
    if (scan) for (const id of candidates.lots) record.asked.add(id);
  }
  if (call || scan) {
    callEngine(record, day, config, { scan, withdrawalUsd }, onProposal);
    if (!scan) record.asked.clear();
  }

  const valueUsd = arm.accounts.reduce((s, a) => s + accountValueUsd(a, day.price), 0);
  const taxableValueUsd = accountValueUsd(taxable, day.price);
  if (!day.first) {
    const base = record.taxableValueUsd + flowUsd - taxPaidUsd;
    record.nav.active.push(taxableValueUsd / base - 1 - day.benchmarkReturn);
  }
  record.taxableValueUsd = taxableValueUsd;
  arm.tally.valueSumUsd += valueUsd;
  arm.tally.days += 1;
  if (!day.yearEnd) {
    record.nav.day(valueUsd, flowUsd, taxPaidUsd, 0);
    record.lastValueUsd = valueUsd;
    return;
  }
  const tax = settleYear(arm, config);
  record.harvestedCumulativeUsd += tax.harvestedLossUsd;
  arm.taxDueUsd = tax.taxUsd;
  record.nav.day(valueUsd, flowUsd, taxPaidUsd, tax.taxUsd);
  record.years.push({
    year: Number(day.date.slice(0, 4)),
    tax,
    tally: arm.tally,
    valueUsd,
    navPre: record.nav.preTax,
    navAfter: record.nav.afterTax,
    active: record.nav.active.splice(0),
  });
  arm.tally = emptyTally();
  if (day.last) record.liquidationTaxUsd = liquidationTaxUsd(arm, day.date, day.price, config);
  record.lastValueUsd = valueUsd - tax.taxUsd;
}
