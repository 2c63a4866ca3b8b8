/**
 * `tailor worker` as a process against real Redis: asked to stop, it stops and exits. The
 * Redis server is distributed-run.test.ts's, but in a database of its own (8): in that test's
 * database this worker would take households off its queue while it runs.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testRedisUrl } from './testing/test-redis.js';

const REDIS = testRedisUrl(8);
const BIN = join(fileURLToPath(new URL('.', import.meta.url)), '../../../bin/tailor.js');

/** Starts a worker, waits for it to say it is waiting, sends `signal`; resolves on its exit. */
function stopWorker(signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, 'worker'], {
    env: { ...process.env, REDIS_URL: REDIS },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let sent = false;
  return new Promise((resolve) => {
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      if (!sent && stderr.includes('waiting for households')) sent = child.kill(signal);
    });
    // Still running after 20 s: hung (exit code null), and ended here.
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('tailor worker', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'stops on %s and exits with code 0',
    async (signal) => {
      const { code, stderr } = await stopWorker(signal);
      expect(stderr).toMatch(/stopped after 0 households/);
      expect(code).toBe(0);
    },
    30_000,
  );
});
