/** Account settings as short phrases for tables ("no Energy", "VTI→ITOT", "TE ≤ 2.00%"). */
import type { AccountSettings, Restriction } from '../../api/types';
import { money, percent } from '../../format/format';

const RULES = { noBuy: 'no buy', noSell: 'no sell', noHold: 'no hold' } as const;

/** What a restriction applies to, as `sector Energy`, `tag tobacco` or `AAPL`. */
export function restrictionTarget(r: Restriction): string {
  if ('security' in r) return r.security;
  if ('sector' in r) return `sector ${r.sector}`;
  return `tag ${r.tag}`;
}

/** A restriction as `no hold: sector Energy`. */
export function describeRestriction(r: Restriction): string {
  return `${RULES[r.rule]}: ${restrictionTarget(r)}`;
}

/** One phrase per customization that is set. */
export function summarizeSettings(s: AccountSettings | null | undefined): string[] {
  if (!s) return [];
  const out: string[] = [];
  for (const r of s.restrictions ?? []) out.push(describeRestriction(r));
  for (const x of s.substitutions ?? []) out.push(`${x.from}→${x.to}`);
  if (s.cash?.target !== undefined) out.push(`cash ${percent(s.cash.target, 1)}`);
  if (s.cash?.min !== undefined) out.push(`cash ≥ ${percent(s.cash.min, 1)}`);
  if (s.cash?.withdrawal) out.push(`withdraw ${money(s.cash.withdrawal)}`);
  if (s.tax?.harvestLosses) out.push('harvest losses');
  if (s.tax?.gainBudget) {
    const b = s.tax.gainBudget;
    out.push(`gain budget ${money(b.shortTerm)} ST / ${money(b.longTerm)} LT`);
  }
  if (s.tax?.avoidShortTermGains) out.push('avoid ST gains');
  if (s.risk?.maxTrackingError !== undefined) out.push(`TE ≤ ${percent(s.risk.maxTrackingError)}`);
  if (s.trading?.mode && s.trading.mode !== 'full') out.push(s.trading.mode);
  if (s.trading?.maxTurnover !== undefined)
    out.push(`turnover ≤ ${percent(s.trading.maxTurnover, 1)}`);
  if (s.trading?.allowFractional) out.push('fractional');
  if (s.drift?.threshold !== undefined) out.push(`drift ±${percent(s.drift.threshold, 1)}`);
  return out;
}
