/** The API's own description (`/openapi.json`, `/docs`), liveness, and the dashboard at `/`. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { openApiPath } from './openapi.js';
import { ROUTES } from './routes.js';
import { openTestApp, type TestApp } from './testing/test-app.js';

describe('the API describes itself', () => {
  let t: TestApp;
  let web: string;
  beforeAll(async () => {
    web = mkdtempSync(join(tmpdir(), 'tailor-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>dashboard</title>');
    writeFileSync(join(web, 'assets', 'app-1234.js'), 'console.log(1)');
    t = await openTestApp({ webRoot: web });
  });
  afterAll(async () => t?.close());

  it('serves an OpenAPI 3.1 document with every route of the table, its roles and schemas', async () => {
    const doc = (await (await t.app.request('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          { 'x-roles': unknown; requestBody?: unknown; parameters: { name: string; in: string }[] }
        >
      >;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const r of ROUTES) {
      const op = doc.paths[openApiPath(r.path)]?.[r.method.toLowerCase()];
      expect(op?.['x-roles'], `${r.method} ${r.path}`).toEqual(r.access);
      expect(op?.requestBody !== undefined).toBe(r.body !== undefined);
    }
    const households = doc.paths['/v1/households']!['get']!;
    expect(households.parameters.map((p) => `${p.in} ${p.name}`)).toEqual([
      'query advisor',
      'query q',
      'query outOfTolerance',
      'query sort',
      'query limit',
      'query offset',
    ]);
    expect(doc.paths['/v1/runs/{id}']!['get']!.parameters).toEqual([
      expect.objectContaining({ name: 'id', in: 'path' }),
    ]);
  });

  it('serves a self-contained reference page whose one inline style is allowed by hash', async () => {
    const res = await t.app.request('/docs');
    const html = await res.text();
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('/v1/proposals/:id/approve');
    expect(html).not.toMatch(/<script|https?:\/\/(?!json-schema)/);
    expect(res.headers.get('content-security-policy')).toMatch(
      /style-src 'self' 'sha256-[A-Za-z0-9+/=]+'/,
    );
  });

  it('answers liveness with the version', async () => {
    expect(await (await t.app.request('/healthz')).json()).toEqual({
      ok: true,
      version: expect.any(String),
    });
  });

  it('serves the dashboard, its assets, and index.html for its own routes', async () => {
    expect(await (await t.app.request('/')).text()).toContain('dashboard');
    expect(await (await t.app.request('/households/H1')).text()).toContain('dashboard');
    const asset = await t.app.request('/assets/app-1234.js');
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expect((await t.app.request('/assets/missing.js')).status).toBe(404);
    expect((await t.app.request('/..%2f..%2fetc%2fpasswd')).status).not.toBe(500);
    // Nothing outside the web root is served, however the path is spelled.
    writeFileSync(`${web}.secret.txt`, 'secret');
    const outside = await t.app.request(`/%2e%2e/${basename(web)}.secret.txt`);
    expect(outside.status).toBe(404);
    expect(await outside.text()).not.toContain('secret');
  });

  it('says how to build the dashboard when it is not built', async () => {
    const { app } = createApp({
      store: t.store,
      webRoot: join(web, 'nothing-here'),
      runThreads: 0,
    });
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('npm run build:web');
  });
});
