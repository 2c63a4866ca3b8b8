/** `tailor demo` as a user runs it: a real process on an embedded store in a fresh TAILOR_HOME. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../cli-error.js';
import { wholeNumberOption } from './demo.js';
import { tailorIn } from '../testing/tailor-process.js';

describe('tailor demo', () => {
  const home = mkdtempSync(join(tmpdir(), 'tailor-demo-'));
  const tailor = tailorIn(home);

  it('writes the firm, refuses a store that is not empty, and starts over with --fresh', async () => {
    const first = await tailor('demo', '--accounts', '12', '--seed', '5');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/as of 2021-04-21/);
    expect(first.stdout).toMatch(/accounts\s+12 /);
    expect(first.stdout).toMatch(/next: tailor run/);

    const again = await tailor('demo', '--accounts', '12');
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/is not empty \(\d+ households.*run tailor demo --fresh/);

    const fresh = await tailor('demo', '--fresh', '--accounts', '8');
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toMatch(/accounts\s+8 /);
  });

  it('refuses a bad --accounts as a usage error, naming the option', async () => {
    const bad = await tailor('demo', '--accounts', 'lots');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--accounts must be a whole number from 1 to 100000; got "lots"/);
  });
});

describe('wholeNumberOption', () => {
  it('reads a whole number in range', () => {
    expect(wholeNumberOption('seed', '42', 0, 100)).toBe(42);
  });

  it('rejects fractions, blanks and numbers out of range with exit code 2', () => {
    for (const value of ['1.5', '', ' ', '-1', '101']) {
      expect(() => wholeNumberOption('seed', value, 0, 100)).toThrow(CliError);
    }
    try {
      wholeNumberOption('seed', 'x', 0, 100);
    } catch (error) {
      expect((error as CliError).exitCode).toBe(2);
    }
  });
});
