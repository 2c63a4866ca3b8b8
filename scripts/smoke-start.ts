/**
 * CI's smoke test of the README's main job: `npm start` (build the dashboard if needed, then
 * `tailor serve --demo`) on a throwaway store; waits until it listens, logs in as the demo pm,
 * reads the book and the dashboard's page, then stops it with SIGTERM and expects a clean exit.
 *
 *   tsx scripts/smoke-start.ts [--port 3187]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servedUrl } from '../src/cli/serve-url.js';

const i = process.argv.indexOf('--port');
const port = i >= 0 ? Number(process.argv[i + 1]) : 3187;
const home = mkdtempSync(join(tmpdir(), 'tailor-start-'));
const child = spawn('npm', ['start', '--', '--port', String(port)], {
  detached: true,
  env: { ...process.env, TAILOR_HOME: home, DATABASE_URL: '' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let log = '';
child.stdout.on('data', (c: Buffer) => (log += c.toString()));
child.stderr.on('data', (c: Buffer) => (log += c.toString()));
const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));

function fail(why: string): never {
  console.error(`npm start: ${why}\n--- output ---\n${log}`);
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
  rmSync(home, { recursive: true, force: true });
  process.exit(1);
}

const deadline = Date.now() + 240_000;
let url: string | undefined;
while (url === undefined) {
  url = servedUrl(log);
  if (child.exitCode !== null) fail(`exited with ${child.exitCode} before listening`);
  if (Date.now() > deadline) fail('did not listen within 240 s');
  await new Promise((r) => setTimeout(r, 250));
}
const login = await fetch(`${url}/v1/session`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'pm', password: 'tailor-demo' }),
});
if (login.status !== 200) fail(`demo login answered ${login.status}: ${await login.text()}`);
const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
const book = await fetch(`${url}/v1/book`, { headers: { cookie } });
if (book.status !== 200) fail(`GET /v1/book answered ${book.status}: ${await book.text()}`);
const page = await fetch(`${url}/households`);
const html = await page.text();
if (page.status !== 200 || !html.includes('<div id="root">'))
  fail(`the dashboard page answered ${page.status}: ${html.slice(0, 200)}`);
process.kill(-child.pid!, 'SIGTERM');
const code = await Promise.race([
  exited,
  new Promise((r) => setTimeout(() => r('timeout'), 30_000)),
]);
rmSync(home, { recursive: true, force: true });
if (code === 'timeout') fail('did not stop within 30 s of SIGTERM');
console.log(`main job: served ${url}, demo login, book and dashboard ok; stopped cleanly`);
