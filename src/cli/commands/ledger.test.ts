/** `tailor ledger` as a user runs it: a real process, real files. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'tailor.js');
const example = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'examples',
  'ledger',
  'garcia-household.json',
);

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

describe('tailor ledger', () => {
  it('prints the bundled household as a table', async () => {
    const { code, stdout } = await tailor('ledger', '--in', example, '--format', 'table');
    expect(code).toBe(0);
    expect(stdout).toContain('Realized gains and losses (11 lines)');
    expect(stdout).toMatch(/Net long-term gain\s+38,299\.95/);
    expect(stdout).toMatch(/Wash-sale loss disallowed\s+3,102\.25/);
  });

  it('writes the response document to --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tailor-ledger-'));
    const out = join(dir, 'response.json');
    const { code, stdout } = await tailor('ledger', '--in', example, '--out', out);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const response = JSON.parse(readFileSync(out, 'utf8')) as { totals: unknown };
    expect(response.totals).toEqual({
      shortTerm: -1543.25,
      longTerm: 38299.95,
      washSaleDisallowed: 3102.25,
    });
  });

  it('rejects an impossible history: exit 1, the path and rule named, no output file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tailor-ledger-'));
    const input = join(dir, 'oversold.json');
    const out = join(dir, 'response.json');
    writeFileSync(
      input,
      JSON.stringify({
        method: 'FIFO',
        accounts: [{ id: 'A', taxStatus: 'taxable' }],
        transactions: [
          { date: '2024-01-02', account: 'A', security: 'X', side: 'buy', quantity: 10, price: 5 },
          { date: '2024-02-02', account: 'A', security: 'X', side: 'sell', quantity: 12, price: 5 },
        ],
      }),
    );
    const { code, stderr } = await tailor('ledger', '--in', input, '--out', out);
    expect(code).toBe(1);
    expect(stderr).toContain('transactions[1].quantity');
    expect(stderr).toContain('short sales are not supported');
    expect(existsSync(out)).toBe(false);
  });

  it('rejects malformed input with every problem and its JSON path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tailor-ledger-'));
    const input = join(dir, 'bad.json');
    writeFileSync(
      input,
      JSON.stringify({
        method: 'FIFO',
        accounts: [{ id: 'A', taxStatus: 'taxable' }],
        transactions: [
          { date: '2024-02-30', account: 'A', security: 'X', side: 'buy', quantity: -1, price: 5 },
        ],
      }),
    );
    const { code, stderr } = await tailor('ledger', '--in', input);
    expect(code).toBe(1);
    expect(stderr).toContain('transactions[0].date');
    expect(stderr).toContain('transactions[0].quantity');
  });

  it('says where a JSON syntax error is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tailor-ledger-'));
    const input = join(dir, 'broken.json');
    writeFileSync(input, '{\n  "method": "FIFO",\n  "accounts": [,]\n}');
    const { code, stderr } = await tailor('ledger', '--in', input);
    expect(code).toBe(1);
    expect(stderr).toMatch(/broken\.json:3:\d+/);
  });

  it('documents every option in --help, and refuses an unknown format', async () => {
    const help = await tailor('ledger', '--help');
    expect(help.code).toBe(0);
    for (const option of ['--in', '--out', '--format']) expect(help.stdout).toContain(option);
    const top = await tailor('--help');
    expect(top.stdout).toContain('ledger');
    const bad = await tailor('ledger', '--in', example, '--format', 'xml');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format must be json or table');
  });
});
