/** `tailor transition` as a user runs it: a real process, real files. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TransitionPlan } from '../../backtest/transition/index.js';
import { LEGACY_HOUSEHOLD_FILE } from '../../backtest/transition/testing/legacy-household.js';
import { tailorIn } from '../testing/tailor-process.js';

const scratch = (): string => mkdtempSync(join(tmpdir(), 'tailor-transition-'));
const tailor = tailorIn(scratch());

// Independent processes: run side by side.
describe.concurrent('tailor transition', () => {
  it('refuses a budget that is not an amount, naming --budgets, before reading anything', async () => {
    const { code, stdout, stderr } = await tailor(
      'transition',
      '--in',
      LEGACY_HOUSEHOLD_FILE,
      '--budgets',
      '0,abc,unlimited',
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--budgets');
    expect(stderr).toContain('"abc"');
  });

  it('names the bad field of an invalid request and exits 1', async () => {
    const dir = scratch();
    const input = join(dir, 'bad.json');
    const request = JSON.parse(readFileSync(LEGACY_HOUSEHOLD_FILE, 'utf8')) as {
      accounts: { lots: { quantity: number }[] }[];
    };
    request.accounts[0]!.lots[0]!.quantity = -5;
    writeFileSync(input, JSON.stringify(request));
    const { code, stderr } = await tailor('transition', '--in', input, '--out', join(dir, 'out'));
    expect(code).toBe(1);
    expect(stderr).toContain('accounts[0].lots[0].quantity');
    expect(readdirSync(dir)).toEqual(['bad.json']);
  });

  it('prints the comparison and writes plan.json, plan.csv, the chart and the report to --out', async () => {
    const out = join(scratch(), 'plan');
    const args = ['--in', LEGACY_HOUSEHOLD_FILE, '--budgets', '50000,unlimited', '--years', '2'];
    const { code, stdout, stderr } = await tailor('transition', ...args, '--out', out);
    expect(stderr).toBe(''); // not a terminal: no progress
    expect(code).toBe(0);
    expect(stdout).toContain('Budget $50,000 a year: not within 2 years');
    expect(stdout).toContain('Budget unlimited: converges in year 1');
    expect(stdout).toMatch(/Comparison\n/);
    expect(readdirSync(out).sort()).toEqual([
      'plan.csv',
      'plan.json',
      'report.html',
      'tracking-error.svg',
    ]);
    const plan = JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')) as TransitionPlan;
    expect(plan.budgets.map((b) => [b.budgetUsd, b.yearsToConverge])).toEqual([
      [50_000, null],
      [null, 1],
    ]);
    const csv = readFileSync(join(out, 'plan.csv'), 'utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(1 + 2 + 1);
    expect(readFileSync(join(out, 'tracking-error.svg'), 'utf8')).toMatch(/^<svg /);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<svg ');
  });

  it('reports a file it cannot write, leaving no temporary file behind', async () => {
    const out = join(scratch(), 'plan');
    // A directory where plan.csv goes: renaming the written temporary file onto it fails.
    mkdirSync(join(out, 'plan.csv'), { recursive: true });
    const args = ['--in', LEGACY_HOUSEHOLD_FILE, '--budgets', 'unlimited', '--years', '1'];
    const { code, stdout, stderr } = await tailor('transition', ...args, '--out', out);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`cannot write to ${out}`);
    // Rendered first, written in order: plan.json made it, nothing after plan.csv was started.
    expect(readdirSync(out).sort()).toEqual(['plan.csv', 'plan.json']);
  });

  it('documents its options and the plan in --help', async () => {
    const { code, stdout } = await tailor('transition', '--help');
    expect(code).toBe(0);
    for (const option of ['--in', '--budgets', '--years', '--target-te', '--format', '--out']) {
      expect(stdout).toContain(option);
    }
    expect(stdout.replace(/\s+/g, ' ')).toContain("a schedule under today's prices");
  });
});
