/** What a generated household shows, for the generator's coverage test; and a PSD check. */
import type { RebalanceRequest } from '../../domain/index.js';
import { toDay } from '../../tax/index.js';
import { contradictions } from './expected-errors.js';

/** Leading principal minors of a symmetric matrix of order ≤ 3. */
export function leadingMinors(m: number[][]): number[] {
  const a = (i: number, j: number): number => m[i]?.[j] ?? 0;
  const minors = [a(0, 0), a(0, 0) * a(1, 1) - a(0, 1) * a(1, 0)];
  if (m.length === 3) {
    minors.push(
      a(0, 0) * (a(1, 1) * a(2, 2) - a(1, 2) * a(2, 1)) -
        a(0, 1) * (a(1, 0) * a(2, 2) - a(1, 2) * a(2, 0)) +
        a(0, 2) * (a(1, 0) * a(2, 1) - a(1, 1) * a(2, 0)),
    );
  }
  return minors;
}

/** What a household shows, to measure the generator's coverage. */
export function features(r: RebalanceRequest): string[] {
  const out: string[] = [];
  const add = (name: string, holds: boolean): void => void (holds && out.push(name));
  const settings = r.accounts.map((a) => a.settings ?? {});
  const asOf = toDay(r.asOf);
  add('householdModel', typeof r.household.model === 'string');
  add(
    'heldAway',
    r.accounts.some((a) => a.tradable === false),
  );
  add(
    'modelNull',
    r.accounts.some((a) => a.model === null),
  );
  add(
    'modelOfModels',
    r.models.some((m) => m.targets.some((t) => 'model' in t)),
  );
  add(
    'washGroup',
    r.securities.some((s) => s.washGroup !== undefined),
  );
  add(
    'lotSize10',
    r.securities.some((s) => s.lotSize === 10),
  );
  add(
    'cashEquivalent',
    r.securities.some((s) => s.cashEquivalent === true),
  );
  add('noRiskModel', r.riskModel === undefined);
  add(
    'partialRiskModel',
    r.riskModel !== undefined && Object.keys(r.riskModel.exposures).length < r.securities.length,
  );
  add('threeFactors', r.riskModel?.factors.length === 3);
  const lots = r.accounts.flatMap((a) => a.lots);
  add(
    'feb29',
    lots.some((l) => l.acquired.endsWith('-02-29')),
  );
  add(
    'nearLongTerm',
    lots.some((l) => Math.abs(asOf - toDay(l.acquired) - 365) <= 31),
  );
  add(
    'recentLot',
    lots.some((l) => asOf - toDay(l.acquired) <= 30),
  );
  add(
    'fractionalLot',
    lots.some((l) => !Number.isInteger(l.quantity)),
  );
  const fills = r.accounts.flatMap((a) => a.recentTrades);
  add(
    'recentBuy',
    fills.some((f) => f.side === 'buy' && asOf - toDay(f.date) <= 30),
  );
  add(
    'recentLossSell',
    fills.some(
      (f) =>
        f.side === 'sell' &&
        ((f.realizedLoss ?? 0) < 0 || (f.realizedGain ?? -1) < 0) &&
        asOf - toDay(f.date) <= 30,
    ),
  );
  add(
    'oldFill',
    fills.some((f) => asOf - toDay(f.date) > 30),
  );
  for (const kind of ['security', 'sector', 'tag']) {
    add(
      `restrictBy.${kind}`,
      settings.some((s) => (s.restrictions ?? []).some((x) => kind in x)),
    );
  }
  add(
    'substitution',
    settings.some((s) => (s.substitutions ?? []).length > 0),
  );
  add(
    'withdrawal',
    settings.some((s) => (s.cash?.withdrawal ?? 0) > 0),
  );
  add(
    'gainBudget',
    settings.some((s) => s.tax?.gainBudget !== undefined),
  );
  add(
    'harvest',
    settings.some((s) => s.tax?.harvestLosses === true && s.tax.minHarvest !== undefined),
  );
  add(
    'avoidShortTermGains',
    settings.some((s) => s.tax?.avoidShortTermGains === true),
  );
  add(
    'maxTrackingError',
    settings.some((s) => s.risk?.maxTrackingError !== undefined),
  );
  add(
    'maxTurnover',
    settings.some((s) => s.trading?.maxTurnover !== undefined),
  );
  add(
    'minTradeValue',
    settings.some((s) => s.trading?.minTradeValue !== undefined),
  );
  add(
    'allowFractional',
    settings.some((s) => s.trading?.allowFractional === true),
  );
  for (const mode of ['buyOnly', 'sellOnly', 'cashOnly']) {
    add(
      `mode.${mode}`,
      settings.some((s) => s.trading?.mode === mode),
    );
  }
  add(
    'driftThreshold',
    settings.some((s) => s.drift?.threshold !== undefined),
  );
  const conflicts = contradictions(r).flatMap((c) => c.reasons);
  add(
    'noHoldNoSell',
    conflicts.some((c) => c.startsWith('noHold')),
  );
  add(
    'unraisable',
    conflicts.some((c) => c.startsWith('needs')),
  );
  return out;
}
