/**
 * A real `tailor serve --demo` in a child process, on a free port, over a throwaway store:
 * the end-to-end tests drive exactly what a new user starts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servedUrl } from '../../src/cli/serve-url.js';

export interface DemoServer {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

const root = join(import.meta.dirname, '..', '..');

/** Starts the server and resolves with its URL once it listens (the first stdout line). */
export async function startDemoServer(accounts: number, timeoutMs: number): Promise<DemoServer> {
  const home = mkdtempSync(join(tmpdir(), 'tailor-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(root, 'bin', 'tailor.js'),
      'serve',
      '--demo',
      '--port',
      '0',
      '--accounts',
      String(accounts),
    ],
    { cwd: root, env: { ...process.env, TAILOR_HOME: home, DATABASE_URL: '' } },
  );
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`tailor serve --demo did not start in ${timeoutMs} ms:\n${log}`)),
      timeoutMs,
    );
    const take = (chunk: Buffer): void => {
      log += chunk.toString();
      const found = servedUrl(log);
      if (found !== undefined) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', (c: Buffer) => (log += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`tailor serve --demo exited with ${code}:\n${log}`));
    });
  });
  return {
    url,
    output: () => log,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}
