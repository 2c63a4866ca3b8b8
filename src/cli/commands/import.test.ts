/** `tailor import` as a user runs it: a real process on an embedded store in a fresh TAILOR_HOME. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, schema } from '../../store/index.js';
import { tailorIn } from '../testing/tailor-process.js';

async function accountIds(home: string): Promise<string[]> {
  const store = await openStore({ home: join(home, 'db') });
  try {
    const rows = await store.db.select().from(schema.accounts).orderBy(schema.accounts.id);
    return rows.map((r) => r.id);
  } finally {
    await store.close();
  }
}

describe('tailor import', () => {
  it('imports the example feed, and a second import changes nothing', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tailor-import-'));
    const tailor = tailorIn(home);
    const first = await tailor('import', 'examples/feed');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^imported examples\/feed: 8 files, 39 rows in [\d.]+ s$/m);
    expect(first.stdout).toMatch(/lots +7 added, 0 updated, 0 unchanged/);
    expect(first.stdout).toMatch(/^book figures recomputed for the whole book in [\d.]+ s$/m);
    const second = await tailor('import', 'examples/feed');
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/lots +0 added, 0 updated, 7 unchanged/);
    expect(second.stdout).toMatch(/transactions +0 added, 0 updated, 6 unchanged/);
    expect(second.stdout).toMatch(/^book figures up to date$/m);
    expect(await accountIds(home)).toEqual(['H1-IRA', 'H1-TAX', 'H2-TAX', 'H3-401K', 'H3-TAX']);
  });

  it('refuses a feed with problems, lists every one and writes nothing', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tailor-import-'));
    const tailor = tailorIn(home);
    const { code, stdout, stderr } = await tailor('import', 'examples/feed-bad');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^tailor: examples\/feed-bad: 9 files, 32 rows; 14 problems, nothing imported/,
    );
    expect(stderr).toContain(
      'accounts.csv:6: tax_status: expected one of "taxable", "deferred", "exempt", found "taxble" (did you mean "taxable"?)',
    );
    expect(stderr).not.toContain('skipped:');
    expect(await accountIds(home)).toEqual([]);
  });

  it('with --skip-bad imports the good rows and lists what it skipped', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tailor-import-'));
    const tailor = tailorIn(home);
    const { code, stdout, stderr } = await tailor('import', 'examples/feed-bad', '--skip-bad');
    expect(code).toBe(0);
    expect(stderr).toMatch(/^14 problems; skipping the bad rows and 13 rows that depend on them:/);
    expect(stderr).toContain('lots.csv:6: skipped: depends on skipped accounts.csv line 6');
    expect(stdout).toMatch(/accounts +0 added/);
    expect(stdout).toMatch(/households +2 added/);
    expect(await accountIds(home)).toEqual([]);
  });

  it('with --dry-run validates only', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tailor-import-'));
    const tailor = tailorIn(home);
    const good = await tailor('import', 'examples/feed', '--dry-run');
    expect(good.code).toBe(0);
    expect(good.stdout).toBe(
      'examples/feed: 8 files, 39 rows; all valid, ready to import\ndry run: nothing written\n',
    );
    const bad = await tailor('import', 'examples/feed-bad', '--dry-run');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/14 problems, nothing would be imported/);
    expect(await accountIds(home)).toEqual([]);
  });

  it('says what is wrong with the directory itself', async () => {
    const tailor = tailorIn(mkdtempSync(join(tmpdir(), 'tailor-import-')));
    const missing = await tailor('import', 'no/such/dir');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read the feed directory no\/such\/dir: ENOENT/);
    const empty = await tailor('import', 'src/cli');
    expect(empty.stderr).toMatch(/src\/cli holds no \.csv files: nothing to import/);
  });
});
