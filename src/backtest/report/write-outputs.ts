/**
 * Everything `tailor backtest --out DIR` writes: the result as JSON, the CSVs, the charts and
 * the HTML report.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BacktestResult } from '../result.js';
import { writeFileAtomic } from './atomic-write.js';
import { backtestCharts } from './charts.js';
import { dailyCsv, summaryCsv, yearlyCsv } from './csv.js';
import { htmlReport } from './html-report.js';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Creates `dir` (and its parents) and writes into it `result.json` (the whole result),
 * `summary.json` (`{config, summary, assumptions}`), `yearly.csv`, `daily.csv`, `summary.csv`,
 * one SVG per chart and `report.html`, each atomically. Returns the paths written, in order.
 * Every output is rendered before the first write, so a rendering error writes nothing.
 */
export function writeBacktestOutputs(dir: string, result: BacktestResult): string[] {
  const charts = backtestCharts(result);
  const files: [string, string][] = [
    ['result.json', json(result)],
    [
      'summary.json',
      json({ config: result.config, summary: result.summary, assumptions: result.assumptions }),
    ],
    ['yearly.csv', yearlyCsv(result)],
    ['daily.csv', dailyCsv(result)],
    ['summary.csv', summaryCsv(result)],
    ...charts.map((c): [string, string] => [c.file, c.svg]),
    // Last, so a report that exists was written after every file it describes.
    ['report.html', htmlReport(result, charts)],
  ];
  mkdirSync(dir, { recursive: true });
  return files.map(([name, text]) => {
    const path = join(dir, name);
    writeFileAtomic(path, text);
    return path;
  });
}
