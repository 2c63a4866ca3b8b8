/**
 * An account's lots as positions: summed per security (plus the model's securities it does not
 * hold), each with its weight of the account's value against the model's target.
 */
import { usd } from './account-figures.js';

/** A lot at the latest price. */
export interface LotLine {
  id: string;
  securityId: string;
  quantity: number;
  acquired: string;
  costBasisUsd: number;
  valueUsd: number;
  unrealizedGainUsd: number;
  term: 'short' | 'long';
}

/** A position against its target. */
export interface HoldingLine {
  securityId: string;
  name: string;
  quantity: number;
  priceUsd: number | null;
  priceDate: string | null;
  valueUsd: number;
  costBasisUsd: number;
  unrealizedGainUsd: number;
  weight: number;
  targetWeight: number;
  drift: number;
}

/** A lot as the account read gets it from SQL. */
export interface LotRow {
  id: string;
  security_id: string;
  quantity: string;
  cost_basis: string;
  acquired: string;
  close: number | null;
  date: string | null;
}

/**
 * Positions, largest first: lots summed per security, plus the targeted securities not held.
 * `drift`: each security's drift target and drift, as the account's figure has them
 * (`AccountFigures.driftBySecurity`); a security it lacks has no target and drifts by its weight.
 */
export function holdingsOf(
  lots: LotRow[],
  names: Map<string, string>,
  total: number,
  drift: ReadonlyMap<string, { target: number; drift: number }>,
) {
  const by = new Map<string, HoldingLine>();
  for (const l of lots) {
    const value = Number(l.quantity) * (l.close ?? 0);
    const h = by.get(l.security_id) ?? {
      securityId: l.security_id,
      name: names.get(l.security_id) ?? '',
      quantity: 0,
      priceUsd: l.close === null ? null : Number(l.close),
      priceDate: l.date,
      valueUsd: 0,
      costBasisUsd: 0,
      unrealizedGainUsd: 0,
      weight: 0,
      targetWeight: 0,
      drift: 0,
    };
    h.quantity += Number(l.quantity);
    h.valueUsd += value;
    h.costBasisUsd += Number(l.cost_basis);
    h.unrealizedGainUsd += value - Number(l.cost_basis);
    by.set(l.security_id, h);
  }
  for (const [id, { target }] of drift)
    if (!by.has(id) && target > 0)
      by.set(id, {
        securityId: id,
        name: names.get(id) ?? '',
        quantity: 0,
        priceUsd: null,
        priceDate: null,
        valueUsd: 0,
        costBasisUsd: 0,
        unrealizedGainUsd: 0,
        weight: 0,
        targetWeight: 0,
        drift: 0,
      });
  return [...by.values()]
    .map((h) => {
      const weight = total > 0 ? h.valueUsd / total : 0;
      const figure = drift.get(h.securityId);
      const targetWeight = figure?.target ?? 0;
      return {
        ...h,
        valueUsd: usd(h.valueUsd),
        costBasisUsd: usd(h.costBasisUsd),
        unrealizedGainUsd: usd(h.unrealizedGainUsd),
        weight,
        targetWeight,
        drift: figure?.drift ?? weight - targetWeight,
      };
    })
    .sort((a, b) => b.valueUsd - a.valueUsd || a.securityId.localeCompare(b.securityId));
}
