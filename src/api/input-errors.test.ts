/**
 * Bad input is the caller's to fix, never a 500: bad JSON names its line and column, wrong
 * types and unknown fields name their paths, an oversized body is a 413, an unknown query
 * parameter or method is named — and an unexpected failure is a 500 that leaks nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { createApp } from './app.js';
import type { ErrorBody } from './contract/index.js';
import { as, openTestApp, type TestApp } from './testing/test-app.js';

describe('bad input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp({ maxBodyBytes: 64 * 1024 });
  });
  afterAll(async () => t?.close());

  const send = async (path: string, body: unknown, method = 'POST') => {
    const res = await t.app.request(path, as(t, 'admin', method, body));
    return { status: res.status, error: ((await res.json()) as ErrorBody).error };
  };

  it('answers bad JSON with invalid_json, its line and column', async () => {
    const { status, error } = await send('/v1/models', '{\n  "id": "m1",\n  "targets": [,]\n}');
    expect(status).toBe(400);
    expect(error.code).toBe('invalid_json');
    expect(error.problems).toEqual([
      expect.objectContaining({ code: 'invalid_json', line: 3, column: 15 }),
    ]);
    expect(error.message).toMatch(/body:3:15/);
  });

  it('answers wrong types and unknown fields with a path per problem', async () => {
    const { status, error } = await send('/v1/models', {
      id: 'm1',
      targets: [{ security: 'VTI', weight: '0.5' }],
      colour: 'red',
    });
    expect(status).toBe(400);
    expect(error.code).toBe('invalid_request');
    expect(error.problems?.map((p) => [p.path, p.code])).toEqual(
      expect.arrayContaining([
        [['targets', 0, 'weight'], 'invalid_type'],
        [[], 'unknown_field'],
      ]),
    );
    expect(error.problems?.find((p) => p.code === 'unknown_field')?.message).toMatch(/"colour"/);
  });

  it('validates interchange documents with their own rules', async () => {
    const { status, error } = await send('/v1/rebalance', {
      asOf: '2026-02-30',
      securities: [],
      models: [],
      household: {},
      accounts: [],
    });
    expect(status).toBe(400);
    expect(error.problems?.map((p) => p.path)).toEqual(
      expect.arrayContaining([['asOf'], ['household', 'id']]),
    );
  });

  it('answers a body over the limit with 413 body_too_large', async () => {
    const { status, error } = await send('/v1/ledger', { padding: 'x'.repeat(70 * 1024) });
    expect(status).toBe(413);
    expect(error.code).toBe('body_too_large');
  });

  it('refuses the NUL character, which PostgreSQL text cannot hold, in ids, queries and bodies', async () => {
    const inId = await send('/v1/accounts/A%00B', undefined, 'GET');
    expect(inId.status).toBe(400);
    expect(inId.error.problems?.[0]?.path).toEqual(['params', 'id']);
    const inQuery = await send('/v1/households?q=a%00', undefined, 'GET');
    expect(inQuery.status).toBe(400);
    expect(inQuery.error.problems?.[0]?.path).toEqual(['query', 'q']);
    const inBody = await send('/v1/models', {
      id: 'm1',
      name: 'ok',
      targets: [{ security: 'V\u0000TI', weight: 1 }],
    });
    expect(inBody.status).toBe(400);
    expect(inBody.error.problems?.[0]?.path).toEqual(['targets', 0, 'security']);
  });

  it('names unknown and malformed query parameters', async () => {
    const unknown = await send('/v1/households?colour=red', undefined, 'GET');
    expect(unknown.status).toBe(400);
    expect(unknown.error.problems?.[0]?.path).toEqual(['query']);
    const limit = await send('/v1/households?limit=5000', undefined, 'GET');
    expect(limit.error.problems?.[0]?.path).toEqual(['query', 'limit']);
    const extra = await send('/v1/book?x=1', undefined, 'GET');
    expect(extra.error.problems?.[0]?.path).toEqual(['query', 'x']);
    const sort = await send('/v1/households?sort=size', undefined, 'GET');
    expect(sort.error.problems?.[0]?.path).toEqual(['query', 'sort']);
    const flag = await send('/v1/households?outOfTolerance=yes', undefined, 'GET');
    expect(flag.error.problems?.[0]?.path).toEqual(['query', 'outOfTolerance']);
  });

  it('reads whole numbers in query strings as decimal digits only', async () => {
    // z.coerce.number would read these as 16, 100, 5 and 0.
    for (const bad of ['0x10', '1e2', '%205', '']) {
      const r = await send(`/v1/households?limit=${bad}`, undefined, 'GET');
      expect(r.status).toBe(400);
      expect(r.error.problems?.[0]?.path).toEqual(['query', 'limit']);
    }
    const audit = await send('/v1/audit?before=0x10', undefined, 'GET');
    expect(audit.error.problems?.[0]?.path).toEqual(['query', 'before']);
    const ok = await t.app.request('/v1/households?limit=2&offset=0', as(t, 'admin'));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { items: unknown[] }).items.length).toBeLessThanOrEqual(2);
  });

  it('tells a wrong method (405, Allow) from a missing route (404)', async () => {
    const wrong = await t.app.request('/v1/book', as(t, 'admin', 'DELETE'));
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
    const missing = await t.app.request('/v1/nothing', as(t, 'admin'));
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as ErrorBody).error.code).toBe('not_found');
  });

  it('sends secure headers on every answer', async () => {
    for (const path of ['/healthz', '/v1/book', '/', '/v1/nothing']) {
      const res = await t.app.request(path, as(t, 'admin'));
      expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'self'/);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('turns an unexpected failure into a 500 that says nothing of it, and logs it', async () => {
    const logs: string[] = [];
    const broken = new Proxy({} as Store['db'], {
      get() {
        throw new Error('connection to db-secret-host:5432 refused');
      },
    });
    const { app } = createApp({
      store: { db: broken, kind: 'postgres', location: 'x', close: async () => undefined },
      runThreads: 0,
      log: (m, e) => logs.push(`${m} ${String(e)}`),
    });
    const res = await app.request('/v1/book', as(t, 'admin'));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      error: { status: 500, code: 'internal', message: expect.any(String) },
    });
    expect(text).not.toMatch(/secret|refused|stack/i);
    expect(logs.join('\n')).toMatch(/GET \/v1\/book failed.*db-secret-host/);
  });
});
