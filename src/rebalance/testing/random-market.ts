/**
 * Random securities (wash groups, sectors, tags, lot sizes, a cash equivalent), models (one may be
 * a model of models) and a diagonally dominant, hence positive semi-definite, factor risk model.
 */
import type { Model, RiskModel, Security } from '../../domain/index.js';
import type { Draw } from './random-draw.js';

/** 3–10 securities. */
export function randomSecurities(d: Draw): Security[] {
  const count = d.int(3, 10);
  const securities: Security[] = [];
  for (let i = 0; i < count; i++) {
    const s: Security = { id: `S${i}`, price: d.int(500, 40000) / 100 };
    const sector = d.pick([undefined, 'Tech', 'Energy', 'Health']);
    if (sector) s.sector = sector;
    if (d.chance(30)) s.tags = [d.pick(['esg', 'tobacco', 'large'])];
    if (d.chance(10)) s.lotSize = 10;
    if (d.chance(15)) s.taxDrag = 0.01;
    securities.push(s);
  }
  if (d.chance(45)) securities[0]!.washGroup = securities[1]!.washGroup = 'W0';
  if (count >= 4 && d.chance(25)) securities[2]!.washGroup = securities[3]!.washGroup = 'W1';
  if (d.chance(20)) securities[count - 1] = { id: `S${count - 1}`, price: 1, cashEquivalent: true };
  return securities;
}

/** Weights from raw integers, summing to at most 1 − cash (floored to 4 decimals). */
function weights(d: Draw, n: number): number[] {
  const raw = Array.from({ length: n }, () => d.int(1, 10));
  const sum = raw.reduce((a, b) => a + b, 0);
  const invested = 1 - d.int(0, 10) / 100;
  return raw.map((r) => Math.floor((r / sum) * invested * 10_000) / 10_000);
}

/** 1–3 models; with 2 or more, usually the last blends the others. */
export function randomModels(d: Draw, securities: readonly Security[]): Model[] {
  const count = d.int(1, 3);
  const blend = count >= 2 && d.chance(70);
  const models: Model[] = [];
  for (let i = 0; i < (blend ? count - 1 : count); i++) {
    const ids = [...new Set(Array.from({ length: d.int(2, 5) }, () => d.pick(securities).id))];
    const w = weights(d, ids.length);
    models.push({ id: `M${i}`, targets: ids.map((security, j) => ({ security, weight: w[j]! })) });
  }
  if (blend) {
    const w = weights(d, models.length);
    models.push({
      id: `M${count - 1}`,
      targets: models.map((m, j) => ({ model: m.id, weight: w[j]! })),
    });
  }
  return models;
}

/** k = 2–3 factors; usually covers every security. */
export function randomRiskModel(d: Draw, securities: readonly Security[]): RiskModel {
  const k = d.int(2, 3);
  const diagonal = Array.from({ length: k }, () => d.int(10, 60) / 1000);
  const bound = Math.min(...diagonal) / 3;
  const covariance = diagonal.map(() => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      if (i === j) covariance[i]![j] = diagonal[i]!;
      else if (j > i)
        covariance[i]![j] = covariance[j]![i] =
          Math.trunc((d.int(-100, 100) / 100) * bound * 1e6) / 1e6;
    }
  }
  // Diagonally dominant and symmetric: positive semi-definite.
  const covered = d.chance(85)
    ? securities
    : securities.filter((_, i) => i !== d.int(0, securities.length - 1));
  const risk: RiskModel = {
    factors: Array.from({ length: k }, (_, i) => `f${i}`),
    exposures: {},
    factorCovariance: covariance,
    specificVariance: {},
  };
  for (const s of covered) {
    risk.exposures[s.id] = Array.from({ length: k }, () => d.int(-150, 150) / 100);
    risk.specificVariance[s.id] = d.int(1, 50) / 1000;
  }
  return risk;
}
