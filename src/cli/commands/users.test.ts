/** `tailor users` and `tailor serve` as a user runs them: real processes on a fresh TAILOR_HOME. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byteSize } from './serve.js';
import { tailorIn } from '../testing/tailor-process.js';
import { servedUrl } from '../serve-url.js';

const root = join(import.meta.dirname, '..', '..', '..');
const bin = join(root, 'bin', 'tailor.js');

describe('tailor users', () => {
  // Seven process starts on an embedded store: 17–26 s alone on two cores, and once past 60 s
  // beside another whole test suite.
  it(
    'adds users with a password from the environment, lists them, and refuses bad input',
    { timeout: 180_000 },
    async () => {
      const home = mkdtempSync(join(tmpdir(), 'tailor-users-'));
      const tailor = tailorIn(home, { TAILOR_PASSWORD: 'correct horse battery' });
      expect(await tailor('users', 'list')).toMatchObject({
        code: 0,
        stdout: expect.stringContaining('no users'),
      });
      expect(
        await tailor('users', 'add', 'ana', '--role', 'advisor', '--advisor', 'Ana Ruiz'),
      ).toMatchObject({ code: 0, stdout: 'added ana (advisor, advisor Ana Ruiz)\n' });
      expect(await tailor('users', 'add', 'ana', '--role', 'pm')).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('user ana exists'),
      });
      expect(await tailor('users', 'add', 'bo', '--role', 'boss')).toMatchObject({
        code: 2,
        stderr: expect.stringContaining('--role must be one of admin, pm, trader, advisor, viewer'),
      });
      expect(await tailor('users', 'add', 'cy', '--role', 'advisor')).toMatchObject({
        code: 2,
        stderr: expect.stringContaining('needs --advisor'),
      });
      const short = tailorIn(home, { TAILOR_PASSWORD: 'short' });
      expect(await short('users', 'add', 'di', '--role', 'viewer')).toMatchObject({
        code: 2,
        stderr: expect.stringContaining('at least 8 characters'),
      });
      const listed = await tailor('users', 'list', '--json');
      const users = JSON.parse(listed.stdout) as { username: string; role: string }[];
      expect(users.map((u) => [u.username, u.role])).toEqual([['ana', 'advisor']]);
      expect(listed.stdout).not.toContain('correct horse');
    },
  );
});

describe('tailor serve', () => {
  it('reads sizes like 10mb and refuses what is not one, naming the option', () => {
    expect(byteSize('10mb')).toBe(10 * 1024 ** 2);
    expect(byteSize('512kb')).toBe(512 * 1024);
    expect(byteSize('1048576')).toBe(1048576);
    expect(() => byteSize('lots')).toThrow(/--max-body must be a size/);
    expect(() => byteSize('2gb')).toThrow(/--max-body/);
  });

  it('serves on a free port, answers /healthz, and stops cleanly on SIGTERM', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tailor-serve-'));
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], {
      cwd: root,
      env: { ...process.env, TAILOR_HOME: home, DATABASE_URL: '' },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const found = servedUrl(out);
        if (found !== undefined) {
          clearInterval(timer);
          resolve(found);
        } else if (child.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(out));
        }
      }, 100);
    });
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const anonymous = await fetch(`${url}/v1/households`);
    expect(anonymous.status).toBe(401);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('says what to change when the port is taken', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tailor-serve-'));
    const { createServer } = await import('node:net');
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await tailorIn(home)('serve', '--port', String(port));
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`cannot listen on 127.0.0.1:${port}`);
      expect(r.stderr).toContain('choose another --port');
    } finally {
      blocker.close();
    }
  });
});
