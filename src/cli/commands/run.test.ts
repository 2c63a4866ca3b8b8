/** `tailor run` as a user runs it: a real process on an embedded store in a fresh TAILOR_HOME. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore, writeFirm } from '../../store/index.js';
import { tinyFirm } from '../../store/testing/tiny-firm.js';
import { tailorIn } from '../testing/tailor-process.js';

describe('tailor run', () => {
  const home = mkdtempSync(join(tmpdir(), 'tailor-run-'));
  const tailor = tailorIn(home);
  beforeAll(async () => {
    const store = await openStore({ home: join(home, 'db') });
    await writeFirm(store.db, tinyFirm(), 'loader');
    await store.close();
  });

  it('rebalances the book and ends with a machine-readable summary', async () => {
    const { code, stdout, stderr } = await tailor('run', '--json', '--threads', '1');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      asOf: '2026-11-20',
      householdsSelected: 2,
      proposalsWritten: 2,
      gated: 1,
      errors: 0,
      status: 'done',
    });
  });

  it('prints a readable summary that points at the gated households', async () => {
    const { code, stdout } = await tailor('run', '--advisor', 'bob');
    expect(code).toBe(0);
    expect(stdout).toMatch(/households selected\s+1/);
    expect(stdout).toMatch(/gated \(bad data\)\s+1/);
    expect(stdout).toMatch(/tailor proposals --run \S+ --status gated/);
  });

  it('refuses two selections at once and an unknown trigger, naming the option', async () => {
    const both = await tailor('run', '--model', 'balanced', '--advisor', 'bob');
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/choose one selection, not model and advisor/);
    const bad = await tailor('run', '--trigger', 'moon');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /--trigger must be one of drift, cash, settings, model, harvest; got "moon"/,
    );
  });

  it('refuses a household, model or advisor the book does not have, saying what there is', async () => {
    const household = await tailor('run', '--household', 'H1', 'H9');
    expect(household.code).toBe(2);
    expect(household.stderr).toMatch(/no household H9 in the book/);
    const advisor = await tailor('run', '--advisor', 'bobb');
    expect(advisor.code).toBe(2);
    expect(advisor.stderr).toMatch(
      /no household has advisor "bobb" \(did you mean "bob"\?\); advisors: alice, bob/,
    );
  });

  it('says what to do when there is nothing to resume', async () => {
    const { code, stderr } = await tailor('run', '--resume');
    expect(code).toBe(1);
    expect(stderr).toMatch(/no unfinished run to resume/);
  });
});
