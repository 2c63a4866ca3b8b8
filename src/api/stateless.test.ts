/** `POST /v1/rebalance` and `POST /v1/ledger` answer exactly what the CLI prints for a file. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, openTestApp, type TestApp } from './testing/test-app.js';

const root = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

async function cli(...args: string[]): Promise<unknown> {
  const { stdout } = await run(process.execPath, [join(root, 'bin', 'tailor.js'), ...args], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout);
}

describe('the stateless routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(async () => t?.close());

  it.each([
    ['/v1/rebalance', 'rebalance', 'examples/rebalance/smith-household.json'],
    ['/v1/ledger', 'ledger', 'examples/ledger/garcia-household.json'],
  ])(
    '%s matches tailor %s on %s',
    async (path, command, file) => {
      const text = readFileSync(join(root, file), 'utf8');
      const [res, expected] = await Promise.all([
        t.app.request(path, as(t, 'viewer', 'POST', text)),
        cli(command, '--in', join(root, file)),
      ]);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(expected);
    },
    60_000,
  );

  it('answers a ledger history that cannot be replayed with its problems', async () => {
    const request = JSON.parse(
      readFileSync(join(root, 'examples/ledger/garcia-household.json'), 'utf8'),
    ) as {
      transactions: { side?: string; quantity?: number }[];
    };
    const sell = request.transactions.find((x) => x.side === 'sell');
    expect(sell).toBeDefined();
    sell!.quantity = 1e9;
    const res = await t.app.request('/v1/ledger', as(t, 'viewer', 'POST', request));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { problems: { path: unknown[] }[] } };
    expect(body.error.problems.length).toBeGreaterThan(0);
  });
});
