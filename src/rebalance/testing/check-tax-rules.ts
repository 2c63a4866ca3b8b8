/**
 * Tax settings that shape which lots are sold (spec §1 `tax`, Definitions: avoidShortTermGains):
 * with `avoidShortTermGains`, a short-term lot turning long-term within 31 days is not sold at a
 * gain unless forced; a trade tagged `taxLossHarvest` needs `harvestLosses`.
 */
import { anniversary, toDay } from '../../tax/index.js';
import type { Check } from './check-context.js';
import { mayBeForced } from './check-context.js';
import { fmt, Findings } from './violation.js';

/** Days from asOf to the first long-term day (the day after the anniversary). */
export function daysToLongTerm(acquired: string, asOf: number): number {
  return anniversary(toDay(acquired)) + 1 - asOf;
}

/** Checks the tax settings of every account. */
export const checkTaxRules: Check = ({ facts, pairs }) => {
  const f = new Findings();
  for (const pair of pairs) {
    const id = pair.facts.id;
    const tax = pair.facts.settings.tax;
    for (const trade of pair.proposal.trades) {
      f.expect(
        tax?.harvestLosses === true || !trade.reasons.includes('taxLossHarvest'),
        id,
        'tax.harvestLosses',
        () => {
          return `${trade.side} of ${trade.security} is a taxLossHarvest but harvestLosses is off`;
        },
      );
      if (tax?.avoidShortTermGains !== true || mayBeForced(pair, trade)) continue;
      for (const line of trade.lots ?? []) {
        const lot = pair.facts.lots.get(line.lot);
        if (!lot || line.gain <= 0 || line.term !== 'short') continue;
        const days = daysToLongTerm(lot.acquired, facts.asOf);
        f.expect(days > 31, id, 'tax.avoidShortTermGains', () => {
          return `lot ${line.lot} is sold at a short-term gain of ${fmt(line.gain)}, ${days} days before it turns long-term`;
        });
      }
    }
  }
  return f.list;
};
