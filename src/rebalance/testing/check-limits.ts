/**
 * Limits that may give way (spec: relaxation order), each unless `summary.relaxed` names its
 * setting path: the household gain budget per term and in total (taxable accounts, after
 * disallowances; the strictest budget of the tradable accounts, reported on every account that set
 * it), turnover, tracking error (household-wide in household mode) and minimum trade value
 * (closing and forced trades exempt). Every relaxation names a known setting the account has set.
 */
import type { AccountPair, Check, CheckContext } from './check-context.js';
import { activePairs, closesPosition, mayBeForced } from './check-context.js';
import { realizedOf, turnoverOf } from './check-summary.js';
import { CENT, fmt, Findings, WEIGHT_EPS } from './violation.js';

/** Setting paths that may give way, and whether their limit is a floor (minimum) rather than a cap. */
const RELAXABLE: Record<string, 'cap' | 'floor'> = {
  'trading.maxTurnover': 'cap',
  'risk.maxTrackingError': 'cap',
  'tax.gainBudget.shortTerm': 'cap',
  'tax.gainBudget.longTerm': 'cap',
  'tax.gainBudget.total': 'cap',
  'trading.minTradeValue': 'floor',
};

/** The number at a dotted path of the account's settings, if set. */
export function settingAt(pair: AccountPair, path: string): number | undefined {
  let node: unknown = pair.facts.settings;
  for (const part of path.split('.')) {
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)[part]
        : undefined;
  }
  return typeof node === 'number' ? node : undefined;
}

function relaxes(pair: AccountPair, path: string): boolean {
  return pair.proposal.summary.relaxed.some((r) => r.setting === path);
}

/** A household-wide limit: every tradable account that set it must report it when exceeded. */
function householdLimit(
  f: Findings,
  pairs: readonly AccountPair[],
  path: string,
  actual: (pair: AccountPair) => number,
  eps: number,
): void {
  const setters = pairs.filter((p) => p.facts.tradable && settingAt(p, path) !== undefined);
  if (setters.length === 0) return;
  const limit = Math.min(...setters.map((p) => settingAt(p, path)!));
  for (const pair of setters.filter((p) => p.proposal.status !== 'error')) {
    const value = actual(pair);
    f.expect(value <= limit + eps || relaxes(pair, path), pair.facts.id, `limit.${path}`, () => {
      return `${path}: ${fmt(value)} exceeds the household's strictest limit ${fmt(limit)} and is not listed in relaxed`;
    });
  }
}

function gainBudgets(f: Findings, context: CheckContext, pairs: readonly AccountPair[]): void {
  const totals = { shortTerm: 0, longTerm: 0 };
  for (const pair of context.pairs.filter((p) => p.facts.taxable)) {
    const realized = realizedOf(pair);
    totals.shortTerm += realized.shortTerm;
    totals.longTerm += realized.longTerm;
  }
  householdLimit(f, pairs, 'tax.gainBudget.shortTerm', () => totals.shortTerm, CENT);
  householdLimit(f, pairs, 'tax.gainBudget.longTerm', () => totals.longTerm, CENT);
  householdLimit(f, pairs, 'tax.gainBudget.total', () => totals.shortTerm + totals.longTerm, CENT);
}

function accountLimits(f: Findings, pair: AccountPair, householdMode: boolean): void {
  const id = pair.facts.id;
  const maxTurnover = settingAt(pair, 'trading.maxTurnover');
  const turnover = turnoverOf(pair);
  if (maxTurnover !== undefined && turnover > maxTurnover + WEIGHT_EPS) {
    f.expect(relaxes(pair, 'trading.maxTurnover'), id, 'limit.trading.maxTurnover', () => {
      return `turnover ${fmt(turnover)} exceeds maxTurnover ${fmt(maxTurnover)} and is not listed in relaxed`;
    });
  }
  const maxTe = settingAt(pair, 'risk.maxTrackingError');
  const te = pair.proposal.summary.after.trackingError;
  if (!householdMode && maxTe !== undefined && te > maxTe + WEIGHT_EPS) {
    f.expect(relaxes(pair, 'risk.maxTrackingError'), id, 'limit.risk.maxTrackingError', () => {
      return `tracking error ${fmt(te)} exceeds maxTrackingError ${fmt(maxTe)} and is not listed in relaxed`;
    });
  }
  const minTrade = settingAt(pair, 'trading.minTradeValue');
  for (const trade of pair.proposal.trades) {
    if (minTrade === undefined || trade.value >= minTrade - CENT) continue;
    if (closesPosition(pair, trade) || mayBeForced(pair, trade)) continue;
    f.expect(relaxes(pair, 'trading.minTradeValue'), id, 'limit.trading.minTradeValue', () => {
      return `${trade.side} of ${trade.security} worth ${fmt(trade.value)} is below minTradeValue ${fmt(minTrade)} and is not listed in relaxed`;
    });
  }
}

/** Settings whose limit is the account's own (the others can be household-wide). */
const OWN_LIMIT = new Set(['trading.maxTurnover', 'trading.minTradeValue']);

function relaxationsValid(f: Findings, pair: AccountPair, householdMode: boolean): void {
  for (const r of pair.proposal.summary.relaxed) {
    const own =
      OWN_LIMIT.has(r.setting) || (!householdMode && r.setting === 'risk.maxTrackingError');
    const setting = settingAt(pair, r.setting);
    f.expect(
      !own || setting === undefined || Math.abs(setting - r.limit) <= 1e-9,
      pair.facts.id,
      'relaxed.limit',
      () => {
        return `relaxed ${r.setting}: limit ${fmt(r.limit)}, the account sets ${fmt(setting ?? 0)}`;
      },
    );
    const kind = RELAXABLE[r.setting];
    const set = settingAt(pair, r.setting);
    f.expect(kind !== undefined && set !== undefined, pair.facts.id, 'relaxed.setting', () => {
      return `relaxed names ${r.setting}, which is not a limit this account sets`;
    });
    const eps = r.setting.startsWith('tax.') || kind === 'floor' ? CENT : WEIGHT_EPS;
    const beyond = kind === 'floor' ? r.actual < r.limit + eps : r.actual > r.limit - eps;
    f.expect(kind === undefined || beyond, pair.facts.id, 'relaxed.actual', () => {
      return `relaxed ${r.setting}: actual ${fmt(r.actual)} does not pass its limit ${fmt(r.limit)}`;
    });
  }
}

/** Checks every limit over the household. */
export const checkLimits: Check = (context) => {
  const f = new Findings();
  const pairs = activePairs(context);
  const householdMode = context.facts.householdModel !== undefined;
  gainBudgets(f, context, pairs);
  if (householdMode) {
    householdLimit(
      f,
      pairs,
      'risk.maxTrackingError',
      (p) => p.proposal.summary.after.trackingError,
      WEIGHT_EPS,
    );
  }
  for (const pair of pairs) {
    accountLimits(f, pair, householdMode);
    relaxationsValid(f, pair, householdMode);
  }
  return f.list;
};
