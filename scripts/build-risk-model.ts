/**
 * Builds the default risk model from the shipped daily closes (`npm run risk-model`):
 * simple daily returns of the S&P 500 stocks and the ETFs, a 20-factor PCA of the
 * Ledoit–Wolf-shrunk correlation matrix, annualised ×252, numbers rounded to 5 significant
 * digits. Writes `data/risk-model/default-<window end>-r<revision>.json`. Deterministic: the
 * same inputs give the same bytes. Method: docs/risk-model.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dailyReturns, estimateFactorModel } from '../src/risk/index.js';
import type { Classification, RiskModelFile } from '../src/risk/index.js';
import { readCsvFile, readCsvRecords } from './lib/csv.js';
import { renderRiskModelFile } from './lib/render-risk-model.js';

/** Bump when the method or universe changes (part of the version). */
const REVISION = 1;
const FACTORS = 20;
/** Two thirds of a three-year window: less history than this and a security is proxied. */
const MIN_OBSERVATIONS = 504;
const PERIODS_PER_YEAR = 252;
const PRICE_FILES = ['prices/sp500-adj-close.csv.gz', 'prices/etf-adj-close.csv.gz'];

const data = join(dirname(fileURLToPath(import.meta.url)), '..', 'data');
const started = performance.now();

// One calendar (the union of dates) and one column per security, NaN where there is no close.
const tables = PRICE_FILES.map((file) => readCsvFile(join(data, file)));
const dates = [...new Set(tables.flatMap((t) => t.rows.map((r) => r[0] ?? '')))].sort();
const ids = tables.flatMap((t) => t.header.slice(1));
if (new Set(ids).size !== ids.length) throw new Error('a ticker appears in two price files');
const dateRow = new Map(dates.map((d, i) => [d, i]));
const closes = new Float64Array(dates.length * ids.length).fill(Number.NaN);
let offset = 0;
for (const table of tables) {
  const width = table.header.length - 1;
  for (const row of table.rows) {
    const t = dateRow.get(row[0] ?? '')!;
    for (let j = 0; j < width; j++) {
      const cell = row[j + 1] ?? '';
      if (cell !== '') closes[t * ids.length + offset + j] = Number(cell);
    }
  }
  offset += width;
}

const panel = dailyReturns(ids, closes, dates.length);
const universe = readCsvRecords(join(data, 'securities/etf-universe.csv'));
const groups = new Map(universe.map((r) => [r.ticker ?? '', r.substitute_group ?? '']));
const model = estimateFactorModel(panel, {
  factors: FACTORS,
  groups,
  minObservations: MIN_OBSERVATIONS,
  periodsPerYear: PERIODS_PER_YEAR,
});

// Classification: current GICS sector where the stock is still a member, else its 2021 sector.
const classification = new Map<string, Classification>();
for (const r of readCsvRecords(join(data, 'prices/sp500-tickers.csv'))) {
  classification.set(r.ticker ?? '', { sector: r.gics_sector ?? '', assetClass: 'equity' });
}
for (const r of readCsvRecords(join(data, 'securities/sp500-constituents.csv'))) {
  if (classification.has(r.symbol ?? '')) {
    classification.set(r.symbol ?? '', { sector: r.gics_sector ?? '', assetClass: 'equity' });
  }
}
for (const r of universe) {
  classification.set(r.ticker ?? '', { assetClass: r.asset_class ?? '' });
}

const start = dates[0] ?? '';
const end = dates[dates.length - 1] ?? '';
const version = `default-${end}-r${REVISION}`;
const file: RiskModelFile = {
  version,
  window: { start, end, returns: panel.days },
  method: {
    revision: REVISION,
    returns: 'simple daily returns of adjusted closes',
    factorModel: `PCA of the correlation matrix, top ${FACTORS} eigenvectors, plus one factor per ETF substitute group`,
    shrinkage: 'spiked-model shrinkage of the factor eigenvalues',
    minObservations: MIN_OBSERVATIONS,
    periodsPerYear: PERIODS_PER_YEAR,
    explained: model.explained,
  },
  sources: PRICE_FILES.map((f) => `data/${f}`),
  factors: model.factors,
  factorCovariance: model.factors.map((_, i) =>
    model.factors.map((__, j) => (i === j ? model.factorVariance[i]! : 0)),
  ),
  exposures: Object.fromEntries(model.ids.map((id, i) => [id, [...model.exposures[i]!]])),
  specificVariance: Object.fromEntries(model.ids.map((id, i) => [id, model.specificVariance[i]!])),
  classification: Object.fromEntries(model.ids.map((id) => [id, classification.get(id) ?? {}])),
};

const out = join(data, 'risk-model', `${version}.json`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, renderRiskModelFile(file));
console.log(
  `wrote data/risk-model/${version}.json: ${model.ids.length} securities, ${model.factors.length} factors, ` +
    `window ${start} … ${end} (${panel.days} returns), ` +
    `explained ${(100 * model.explained).toFixed(1)}%, ${model.eigenIterations} iterations, ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s`,
);
if (model.excluded.length > 0) {
  const list = model.excluded.map((e) => `${e.id} (${e.observations})`).join(', ');
  console.log(`not covered (fewer than ${MIN_OBSERVATIONS} returns): ${list}`);
}
