/**
 * Builds the dashboard (web/ → dist/web) when the build is missing or older than any source
 * file, so `npm start` and the end-to-end tests always serve the current dashboard without
 * paying for a build each time.
 *
 *   tsx scripts/ensure-web-build.ts          # build if needed
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'web', 'index.html');

function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtimeMs(path) : statSync(path).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

/** True when dist/web is missing or older than web/ or package.json. */
export function webBuildIsStale(): boolean {
  if (!existsSync(built)) return true;
  const sources = Math.max(
    newestMtimeMs(join(root, 'web')),
    statSync(join(root, 'package.json')).mtimeMs,
  );
  return statSync(built).mtimeMs < sources;
}

/** Builds the dashboard if it is stale; throws with the build's output when the build fails. */
export function ensureWebBuild(): { built: boolean } {
  if (!webBuildIsStale()) return { built: false };
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(
    process.execPath,
    [vite, 'build', '--config', join(root, 'web', 'vite.config.ts'), '--logLevel', 'warn'],
    { cwd: root, encoding: 'utf8' },
  );
  if (r.status !== 0)
    throw new Error(`the dashboard build failed (npm run build:web):\n${r.stdout}${r.stderr}`);
  return { built: true };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { built: didBuild } = ensureWebBuild();
  process.stderr.write(didBuild ? 'dashboard built into dist/web\n' : '');
}
