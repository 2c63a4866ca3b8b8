/** `tailor backtest` as a user runs it: refusals that name the option, and the files of --out. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tailorIn } from '../testing/tailor-process.js';

describe('tailor backtest', () => {
  const home = mkdtempSync(join(tmpdir(), 'tailor-backtest-cli-'));
  const tailor = tailorIn(home);
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('refuses a number option that is not a number, naming it (exit 2)', async () => {
    const { code, stderr } = await tailor('backtest', '--initial', 'lots');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--initial must be a number, got "lots"/);
  });

  it('refuses a window outside the history, saying what it covers (exit 2)', async () => {
    const { code, stderr } = await tailor('backtest', '--start', '1995-01-03');
    expect(code).toBe(2);
    expect(stderr).toMatch(/history covers 1999-11-01 … 2021-04-21/);
  });

  it('prints the table and writes every output to --out', async () => {
    const out = join(home, 'bt');
    const window = ['--scenario', 'etf-model', '--start', '2020-01-02', '--end', '2020-06-30'];
    const { code, stdout, stderr } = await tailor('backtest', ...window, '--out', out);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^etf-model, 2020-01-02 … 2020-06-30/);
    expect(stdout).toMatch(/tax alpha -?\d+\.\d\d% a year/);
    expect(stdout).toMatch(/losses harvested/);
    for (const file of ['result.json', 'summary.json', 'yearly.csv', 'daily.csv', 'report.html']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as {
      summary: { taxAlphaAnnual: number; trackingError: number; turnover: number };
    };
    expect(typeof summary.summary.taxAlphaAnnual).toBe('number');
    expect(summary.summary.trackingError).toBeGreaterThanOrEqual(0);
  });
});
