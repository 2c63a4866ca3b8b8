/** `tailor rebalance` as a user runs it: a real process, real files. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatProblems } from '../../domain/index.js';
import { parseRebalanceRequest, parseRebalanceResponse } from '../../io/index.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..');
const bin = join(root, 'bin', 'tailor.js');
const examples = join(root, 'examples', 'rebalance');
const smith = join(examples, 'smith-household.json');

async function tailor(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'tailor-rebalance-'));
}

describe('the bundled rebalance examples', () => {
  it.each(['smith-household.json', 'direct-index.json'])('%s is a valid request', (name) => {
    const parsed = parseRebalanceRequest(JSON.parse(readFileSync(join(examples, name), 'utf8')));
    expect(parsed.ok ? '' : formatProblems(parsed.problems)).toBe('');
  });

  it('the direct index tracks about 50 stocks, several lots each, with the default risk model', () => {
    const parsed = parseRebalanceRequest(
      JSON.parse(readFileSync(join(examples, 'direct-index.json'), 'utf8')),
    );
    if (!parsed.ok) throw new Error(formatProblems(parsed.problems));
    const request = parsed.value;
    expect(request.riskModel).toBeUndefined();
    expect(request.securities.length).toBeGreaterThanOrEqual(45);
    const lots = request.accounts[0]!.lots;
    expect(lots.length).toBeGreaterThanOrEqual(2 * request.securities.length);
  });
});

describe('tailor rebalance', () => {
  it('writes a valid response document for the Smith household to --out', async () => {
    const out = join(scratch(), 'response.json');
    const { code, stdout, stderr } = await tailor('rebalance', '--in', smith, '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const response = parseRebalanceResponse(JSON.parse(readFileSync(out, 'utf8')));
    if (!response.ok) throw new Error(formatProblems(response.problems));
    expect(response.value.asOf).toBe('2026-08-03');
    expect(response.value.accounts.map((a) => a.id)).toEqual(['smith-joint', 'smith-ira']);
  });

  it('prints the Smith household as a table, one block per account', async () => {
    const { code, stdout } = await tailor('rebalance', '--in', smith, '--format', 'table');
    expect(code).toBe(0);
    expect(stdout).toContain('Rebalance as of 2026-08-03: 2 account(s)');
    expect(stdout).toMatch(/Account smith-joint: (ok|relaxed)/);
    expect(stdout).toMatch(/Account smith-ira: (ok|relaxed|noTrade)/);
    // The Energy screen forces the XLE position out of the joint account.
    expect(stdout).toMatch(/sell\s+XLE\s+400\s/);
  });

  it('rejects an invalid request: exit 1, every problem with its JSON path, no output file', async () => {
    const dir = scratch();
    const input = join(dir, 'bad.json');
    const out = join(dir, 'response.json');
    const request = JSON.parse(readFileSync(smith, 'utf8')) as {
      accounts: { lots: { quantity: number; security: string }[] }[];
    };
    request.accounts[0]!.lots[0]!.quantity = -5;
    request.accounts[1]!.lots[0]!.security = 'NOPE';
    writeFileSync(input, JSON.stringify(request));
    const { code, stderr } = await tailor('rebalance', '--in', input, '--out', out);
    expect(code).toBe(1);
    expect(stderr).toContain('is not a valid rebalance request (2 problem(s))');
    expect(stderr).toContain('accounts[0].lots[0].quantity');
    expect(stderr).toContain('accounts[1].lots[0].security');
    expect(existsSync(out)).toBe(false);
  });

  it('says where a JSON syntax error is', async () => {
    const input = join(scratch(), 'broken.json');
    writeFileSync(input, '{\n  "asOf": "2026-08-03",\n  "securities": [,]\n}');
    const { code, stderr } = await tailor('rebalance', '--in', input);
    expect(code).toBe(1);
    expect(stderr).toMatch(/broken\.json:3:\d+/);
  });

  it('documents every option in --help, and refuses an unknown format', async () => {
    const help = await tailor('rebalance', '--help');
    expect(help.code).toBe(0);
    for (const option of ['--in', '--out', '--format']) expect(help.stdout).toContain(option);
    const top = await tailor('--help');
    expect(top.stdout).toContain('rebalance');
    expect(top.stdout).toContain('ledger');
    const bad = await tailor('rebalance', '--in', smith, '--format', 'xml');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format must be json or table');
  });
});
