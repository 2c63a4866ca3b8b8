/**
 * Distributed runs for real: a PostgreSQL store (PGlite when TAILOR_TEST_PG=skip), Redis at
 * TAILOR_TEST_REDIS_URL (default the local server) in database 7, which the test empties, and
 * `tailor worker` processes — one of them SIGKILLed mid-run, and the coordinator itself
 * "crashing" and resuming. Nothing may be lost or duplicated.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRun, schema, writeFirm, type Store } from '../../store/index.js';
import { testStoreKinds } from '../../store/testing/test-stores.js';
import { runBook } from '../run-book.js';
import { etfBook } from '../testing/etf-book.js';
import { distributedExecutor } from './distributed-executor.js';
import { emptyQueue } from './empty-queue.js';
import { testRedisUrl } from './testing/test-redis.js';

const REDIS = testRedisUrl(7);
const BIN = join(fileURLToPath(new URL('.', import.meta.url)), '../../../bin/tailor.js');
const HOUSEHOLDS = 80;

function startWorker(): ChildProcess {
  return spawn(process.execPath, [BIN, 'worker', '--lock-ms', '2000', '--quiet'], {
    env: { ...process.env, REDIS_URL: REDIS },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

describe('distributed run', () => {
  const kind = testStoreKinds().at(-1)!;
  let store: Store;
  let workers: ChildProcess[] = [];
  beforeAll(async () => {
    await emptyQueue(REDIS);
    store = await kind.open();
    await writeFirm(store.db, etfBook(HOUSEHOLDS), 'loader');
    workers = [startWorker(), startWorker()];
  });
  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await store?.close();
  });

  const proposalsOf = async (runId: string) =>
    (await store.db.select().from(schema.proposals)).filter((p) => p.runId === runId);

  it(`loses and duplicates nothing when a worker is SIGKILLed mid-run (${kind.name})`, async () => {
    const exec = await distributedExecutor(REDIS);
    let killed = false;
    try {
      const report = await runBook(store.db, {
        selection: { kind: 'all' },
        threads: 0,
        actor: 'ci',
        execute: exec.execute,
        onProgress: (p) => {
          if (!killed && p.done >= 5) {
            killed = true;
            workers[0]!.kill('SIGKILL');
            workers.push(startWorker());
          }
        },
      });
      expect(killed).toBe(true);
      expect(report).toMatchObject({
        householdsSelected: HOUSEHOLDS,
        proposalsWritten: HOUSEHOLDS,
        errors: 0,
        gated: 0,
      });
      const rows = await proposalsOf(report.runId);
      expect(new Set(rows.map((r) => r.householdId)).size).toBe(HOUSEHOLDS);
      expect(rows.every((r) => r.response !== null)).toBe(true);
    } finally {
      await exec.close();
    }
  });

  it('resumes after the coordinator dies, collecting what the workers finished meanwhile', async () => {
    let crashed: string | undefined;
    const exec = await distributedExecutor(REDIS);
    await expect(
      runBook(store.db, {
        selection: { kind: 'all' },
        threads: 0,
        actor: 'ci',
        execute: exec.execute,
        onProgress: (p) => {
          if (p.done >= 10) throw new Error('coordinator crash');
        },
      }).catch(async (e: Error) => {
        const [run] = (await store.db.select().from(schema.runs)).filter(
          (r) => r.status === 'running',
        );
        crashed = run?.id;
        throw e;
      }),
    ).rejects.toThrow('coordinator crash');
    await exec.close();
    expect(crashed).toBeDefined();
    const left = HOUSEHOLDS - (await proposalsOf(crashed!)).length;
    expect(left).toBeGreaterThan(0);
    const again = await distributedExecutor(REDIS);
    try {
      const report = await runBook(store.db, {
        selection: { kind: 'all' },
        threads: 0,
        actor: 'ci',
        execute: again.execute,
        resume: crashed!,
      });
      expect(report).toMatchObject({ runId: crashed, proposalsWritten: HOUSEHOLDS, errors: 0 });
      expect((await getRun(store.db, crashed!))?.status).toBe('done');
      expect(new Set((await proposalsOf(crashed!)).map((r) => r.householdId)).size).toBe(
        HOUSEHOLDS,
      );
    } finally {
      await again.close();
    }
  });
});
