import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  loadDefaultRiskModel,
  loadDefaultRiskModelFile,
  newestDefaultFile,
  riskModelFolder,
} from './default-risk-model.js';
import { createFactorRiskModel } from './factor-risk-model.js';
import { trackingError } from './tracking-error.js';

const root = new URL('../../', import.meta.url);

describe('riskModelFolder', () => {
  it('finds data/risk-model from src/risk, dist/risk and dist/src/risk', () => {
    const expected = new URL('data/risk-model/', root).pathname;
    expect(riskModelFolder()).toBe(expected);
    for (const module of ['dist/risk/index.js', 'dist/src/risk/index.js']) {
      expect(riskModelFolder(new URL(module, root).href)).toBe(expected);
    }
    expect(() => riskModelFolder('file:///nowhere/a/b/c.js')).toThrow(/no data\/risk-model/);
  });

  it('matches the build layout (tsconfig.build.json: src → dist)', () => {
    const build = JSON.parse(readFileSync(new URL('tsconfig.build.json', root), 'utf8')) as {
      compilerOptions: { rootDir: string; outDir: string };
    };
    expect(build.compilerOptions).toMatchObject({ rootDir: 'src', outDir: 'dist' });
  });
});

describe('newestDefaultFile', () => {
  it('orders by window end, then revision, and ignores other files', () => {
    const names = ['default-2021-04-21-r9.json', 'default-2021-04-21-r10.json', 'notes.md'];
    expect(newestDefaultFile(names)).toBe('default-2021-04-21-r10.json');
    expect(newestDefaultFile([...names, 'default-2022-01-03-r1.json'])).toBe(
      'default-2022-01-03-r1.json',
    );
    expect(newestDefaultFile(['default.json'])).toBeUndefined();
  });
});

describe('loadDefaultRiskModel', () => {
  const file = loadDefaultRiskModelFile();

  it('loads the shipped file once, with consistent dimensions and provenance', () => {
    expect(loadDefaultRiskModel()).toBe(file);
    expect(existsSync(new URL(`data/risk-model/${file.version}.json`, root))).toBe(true);
    const k = file.factors.length;
    expect(file.factors.slice(0, 20)).toEqual(
      Array.from({ length: 20 }, (_, j) => `pc${String(j + 1).padStart(2, '0')}`),
    );
    expect(file.factorCovariance).toHaveLength(k);
    const ids = Object.keys(file.exposures);
    expect(ids.length).toBeGreaterThan(550);
    expect(Object.keys(file.specificVariance).sort()).toEqual([...ids].sort());
    expect(file.window.returns).toBe(756);
  });

  it('gives plausible risk: SPY volatility, near-identical funds, stocks vs bonds', () => {
    const ids = ['SPY', 'VOO', 'AGG', 'BND', 'TLT', 'AAPL'];
    const model = createFactorRiskModel(
      file.factors,
      file.factorCovariance.flat(),
      ids.map((id) => ({
        id,
        exposure: file.exposures[id]!,
        specificVariance: file.specificVariance[id]!,
      })),
    );
    const te = (pairs: [string, number][]) => trackingError(model, new Map(pairs));
    const spyVolatility = te([['SPY', 1]]);
    expect(spyVolatility).toBeGreaterThan(0.15);
    expect(spyVolatility).toBeLessThan(0.3);
    expect(
      te([
        ['SPY', 1],
        ['VOO', -1],
      ]),
    ).toBeLessThan(0.02);
    expect(
      te([
        ['AGG', 1],
        ['BND', -1],
      ]),
    ).toBeLessThan(0.03);
    expect(
      te([
        ['SPY', 1],
        ['TLT', -1],
      ]),
    ).toBeGreaterThan(spyVolatility);
    expect(
      te([
        ['AAPL', 1],
        ['SPY', -1],
      ]),
    ).toBeGreaterThan(0.15);
  });
});
