import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeResult } from './testing/fixture.js';
import { writeBacktestOutputs } from './write-outputs.js';

describe('writeBacktestOutputs', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  it('creates the directory and writes every output, and nothing else', () => {
    const root = mkdtempSync(join(tmpdir(), 'tailor-report-'));
    roots.push(root);
    const dir = join(root, 'nested', 'out');
    const result = makeResult();
    const written = writeBacktestOutputs(dir, result);

    const expected = [
      'result.json',
      'summary.json',
      'yearly.csv',
      'daily.csv',
      'summary.csv',
      'cumulative-harvested-losses.svg',
      'tax-alpha-by-year.svg',
      'tracking-error-by-year.svg',
      'turnover-by-year.svg',
      'account-growth.svg',
      'report.html',
    ];
    expect(written.map((p) => basename(p))).toEqual(expected);
    expect(written.every((p) => p.startsWith(dir))).toBe(true);
    // No temporary files left behind.
    expect(readdirSync(dir).sort()).toEqual([...expected].sort());

    const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
    expect(JSON.parse(read('result.json'))).toEqual(result);
    expect(read('result.json')).toContain('\n  "config": {');
    expect(JSON.parse(read('summary.json'))).toEqual({
      config: result.config,
      summary: result.summary,
      assumptions: result.assumptions,
    });
    expect(read('report.html')).toMatch(/^<!DOCTYPE html>/);
    expect(read('yearly.csv').split('\r\n')).toHaveLength(1 + 3 + 1);
  });

  it('overwrites an earlier run in place', () => {
    const root = mkdtempSync(join(tmpdir(), 'tailor-report-'));
    roots.push(root);
    writeBacktestOutputs(root, makeResult());
    const result = makeResult();
    result.summary.taxAlphaAnnual = 0.0123;
    writeBacktestOutputs(root, result);
    expect(JSON.parse(readFileSync(join(root, 'result.json'), 'utf8')).summary.taxAlphaAnnual).toBe(
      0.0123,
    );
  });
});
