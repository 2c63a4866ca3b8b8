/**
 * Trading modes and the drift trigger (spec Definitions: Modes, Drift). `sellOnly`: no buys.
 * `buyOnly`, `cashOnly`: sells only of `noHold` positions or, in total, what the cash need requires.
 * `cashOnly`, and any account whose drift before is within its threshold: buys only up to the cash
 * above the cash target plus the proceeds of the allowed sales (for the trigger, harvest sales at a
 * loss are allowed too). One share's (or lot's) value per security is tolerated for rounding.
 */
import type { ProposedTrade } from '../../domain/index.js';
import type { AccountPair, Check, CheckContext } from './check-context.js';
import { activePairs, mayBeForced, sideTotal } from './check-context.js';
import { benchmarkOf } from './independent-benchmark.js';
import { riskFiguresByAccount } from './portfolio-risk.js';
import type { RequestFacts } from './request-facts.js';
import { CENT, fmt, Findings, WEIGHT_EPS } from './violation.js';

/** One tradable increment's value per distinct security of `trades` (rounding tolerance). */
function incrementSlack(facts: RequestFacts, trades: readonly ProposedTrade[]): number {
  let slack = 0;
  for (const security of new Set(trades.map((t) => t.security))) {
    const s = facts.securities.get(security);
    if (s) slack += Math.max(1, s.lotSize ?? 1) * s.price;
  }
  return slack;
}

/** cash − W − target × (V − W): the cash above the cash target (target: the benchmark's cash share by default). */
export function cashAboveTarget(facts: RequestFacts, pair: AccountPair): number {
  const account = pair.facts;
  const target = account.settings.cash?.target ?? benchmarkOf(facts, account).cashShare;
  return account.account.cash - account.withdrawal - target * (account.value - account.withdrawal);
}

/** The drift threshold that applies: the strictest of the tradable accounts in household mode. */
export function driftThreshold(facts: RequestFacts, pair: AccountPair): number | undefined {
  if (facts.householdModel === undefined) return pair.facts.settings.drift?.threshold;
  const set = facts.accounts.flatMap((a) =>
    a.tradable && a.settings.drift?.threshold !== undefined ? [a.settings.drift.threshold] : [],
  );
  return set.length === 0 ? undefined : Math.min(...set);
}

function checkBuysFunded(f: Findings, facts: RequestFacts, pair: AccountPair, rule: string): void {
  const trades = pair.proposal.trades;
  const buys = trades.filter((t) => t.side === 'buy');
  const bought = sideTotal(trades, 'buy');
  const allowed =
    Math.max(0, cashAboveTarget(facts, pair)) +
    sideTotal(trades, 'sell') +
    incrementSlack(facts, buys);
  f.expect(bought <= allowed + CENT, pair.facts.id, rule, () => {
    return `buys ${fmt(bought)}, more than cash above the target plus sale proceeds (${fmt(allowed)} with rounding slack)`;
  });
}

function checkMode(f: Findings, facts: RequestFacts, pair: AccountPair): void {
  const id = pair.facts.id;
  const mode = pair.facts.settings.trading?.mode ?? 'full';
  const trades = pair.proposal.trades;
  if (mode === 'sellOnly') {
    f.expect(
      !trades.some((t) => t.side === 'buy'),
      id,
      'mode.sellOnly',
      () => 'sellOnly account buys',
    );
  }
  if (mode === 'buyOnly' || mode === 'cashOnly') {
    const unforced = trades.filter(
      (t) => t.side === 'sell' && !pair.facts.restrictions.noHold.has(t.security),
    );
    const sold = sideTotal(unforced, 'sell');
    const allowed = Math.max(0, pair.facts.cashNeed) + incrementSlack(facts, unforced);
    f.expect(sold <= allowed + CENT, id, 'mode.unforcedSell', () => {
      return `${mode} account sells ${fmt(sold)} beyond noHold positions; the cash need is ${fmt(pair.facts.cashNeed)}`;
    });
  }
  if (mode === 'cashOnly') checkBuysFunded(f, facts, pair, 'mode.cashOnlyBuys');
}

function checkTrigger(
  f: Findings,
  context: CheckContext,
  pair: AccountPair,
  driftBefore: number,
): void {
  const threshold = driftThreshold(context.facts, pair);
  if (threshold === undefined || driftBefore > threshold - WEIGHT_EPS) return;
  for (const trade of pair.proposal.trades) {
    if (trade.side !== 'sell' || mayBeForced(pair, trade)) continue;
    const harvest = (trade.lots ?? []).every((line) => line.gain <= 0);
    f.expect(harvest, pair.facts.id, 'drift.unforcedSell', () => {
      return `drift ${fmt(driftBefore)} is within the threshold ${fmt(threshold)}, yet ${trade.security} is sold neither forced nor at a loss`;
    });
  }
  checkBuysFunded(f, context.facts, pair, 'drift.buys');
}

/** Checks every active account's mode and drift trigger. */
export const checkModes: Check = (context) => {
  const f = new Findings();
  const risk = riskFiguresByAccount(context);
  for (const pair of activePairs(context)) {
    checkMode(f, context.facts, pair);
    const figures = risk.get(pair.facts.id);
    if (figures) checkTrigger(f, context, pair, figures.driftBefore);
  }
  return f.list;
};
