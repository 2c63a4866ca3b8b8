/**
 * The dashboard: files of the built web app (`dist/web`, resolved from the package root like the
 * migrations are) at `/`, with every other non-API GET answered by `index.html` so the app's own
 * routes survive a reload. Without a build, `/` says how to make one.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `dist/web` under the package root (the same from src/api and from dist/api). */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

const NO_BUILD = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tailor</title></head>
<body><h1>Tailor</h1><p>The dashboard is not built. Run <code>npm run build:web</code>, then reload.</p>
<p>The API is up: see <a href="/docs">/docs</a>.</p></body></html>`;

/** The file under `root` that `urlPath` names, or undefined (missing, a folder, or outside root). */
async function fileAt(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  const info = await stat(path).catch(() => undefined);
  return info?.isFile() ? path : undefined;
}

/** Answers a GET for the dashboard at `urlPath`. */
export async function webResponse(root: string | null, urlPath: string): Promise<Response> {
  const index = root === null ? undefined : await fileAt(root, '/index.html');
  if (root === null || index === undefined)
    return new Response(NO_BUILD, { headers: { 'content-type': 'text/html; charset=utf-8' } });
  const found = await fileAt(root, urlPath);
  // A missing file is a 404; only app routes (no extension) fall back to index.html.
  if (!found && extname(urlPath) !== '')
    return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  const file = found ?? index;
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  // Vite names built assets by content hash: they never change, so cache them for good.
  const immutable = file !== index && urlPath.startsWith('/assets/');
  return new Response(await readFile(file), {
    headers: {
      'content-type': type,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
  });
}
