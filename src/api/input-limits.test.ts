/**
 * Input that is well-formed but out of bounds is a 400 naming the path, never a 500 nor a
 * write the store cannot read back: deep nesting, repeated query parameters, huge numbers,
 * dates before any ledger, selections too long for one query, control characters for FIX.
 * And a refusal sent before its body was read closes the connection.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILL_PRICE as STORE_MAX_FILL_PRICE } from '../store/index.js';
import { MAX_FILL_PRICE, type ErrorBody, type Role } from './contract/index.js';
import { as, openTestApp, type TestApp } from './testing/test-app.js';

const root = join(import.meta.dirname, '..', '..');

describe('input limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(async () => t?.close());

  const send = async (path: string, body: unknown, method = 'POST', role: Role = 'admin') => {
    const res = await t.app.request(path, as(t, role, method, body));
    const text = await res.text();
    return { status: res.status, error: (JSON.parse(text) as ErrorBody).error };
  };

  it('answers JSON nested 10,000 deep with 400 too_deep, on public and private routes', async () => {
    const arrays = '['.repeat(10_000) + ']'.repeat(10_000);
    const objects = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    for (const [path, body] of [
      ['/v1/session', arrays],
      ['/v1/models', objects],
      ['/v1/rebalance', `{"accounts":${arrays}}`],
    ] as const) {
      const { status, error } = await send(path, body);
      expect(status, path).toBe(400);
      expect(error.problems?.[0]?.code).toBe('too_deep');
      expect(error.problems?.[0]?.message).toMatch(/at most 64 levels/);
    }
    const { error } = await send('/v1/models', objects);
    expect(error.problems?.[0]?.path).toEqual(Array(64).fill('a'));
    expect(t.logs).toEqual([]);
  });

  it('refuses a query parameter given twice instead of reading one of them', async () => {
    const twice = await send('/v1/orders/export?format=csv&format=fix', undefined, 'GET');
    expect(twice.status).toBe(400);
    expect(twice.error.problems).toEqual([
      expect.objectContaining({ path: ['query', 'format'], code: 'repeated' }),
    ]);
    expect(twice.error.problems?.[0]?.message).toMatch(/given 2 times; give it once/);
    const limit = await send('/v1/households?limit=1&limit=2', undefined, 'GET');
    expect(limit.error.problems?.[0]?.path).toEqual(['query', 'limit']);
  });

  it('refuses a fill price whose bookings would overflow the store (1e308), and a fill of no shares or more than 1e12', async () => {
    const { status, error } = await send('/v1/orders/ord-1/fill', { price: 1e308 });
    expect(status).toBe(400);
    expect(error.problems?.[0]).toMatchObject({ path: ['price'], code: 'too_big' });
    const none = await send('/v1/orders/ord-1/fill', { price: 10, quantity: 0 });
    expect(none.status).toBe(400);
    expect(none.error.problems?.[0]).toMatchObject({ path: ['quantity'], code: 'too_small' });
    const many = await send('/v1/orders/ord-1/fill', { price: 10, quantity: 1e13 });
    expect(many.error.problems?.[0]).toMatchObject({ path: ['quantity'], code: 'too_big' });
  });

  it('refuses a run dated before the ledger can look back, and a selection of 10,001 households', async () => {
    const early = await send('/v1/runs', { selection: { kind: 'all' }, asOf: '0001-01-01' });
    expect(early.status).toBe(400);
    expect(early.error.problems?.[0]).toMatchObject({ path: ['asOf'] });
    expect(early.error.problems?.[0]?.message).toMatch(/from 1900-01-01 on/);
    const households = Array.from({ length: 10_001 }, (_, i) => `H${i}`);
    const many = await send('/v1/runs', { selection: { kind: 'households', households } });
    expect(many.status).toBe(400);
    expect(many.error.problems?.[0]).toMatchObject({
      path: ['selection', 'households'],
      code: 'too_big',
    });
    await t.idle();
    expect(t.logs).toEqual([]);
  });

  it('refuses a FIX CompID with a control character as a bad query parameter (400, not 409)', async () => {
    const { status, error } = await send(
      '/v1/orders/export?format=fix&sender=A%01B',
      undefined,
      'GET',
    );
    expect(status).toBe(400);
    expect(error.problems?.[0]).toMatchObject({ path: ['query', 'sender'] });
    expect(error.problems?.[0]?.message).toMatch(/printable ASCII/);
  });

  it('refuses numbers the engine cannot square (a cash of 1e308) on the stateless routes', async () => {
    const doc = JSON.parse(
      readFileSync(join(root, 'examples/rebalance/smith-household.json'), 'utf8'),
    ) as { accounts: { cash: number }[] };
    doc.accounts[0]!.cash = 1e308;
    const { status, error } = await send('/v1/rebalance', doc);
    expect(status).toBe(400);
    expect(error.problems?.[0]).toMatchObject({ path: ['accounts', 0, 'cash'], code: 'too_big' });
    expect(t.logs).toEqual([]);
  });

  it('refuses a body on a route that takes none, but takes nothing or {} (as the dashboard sends)', async () => {
    const extra = await send('/v1/orders', { everything: true }, 'POST', 'trader');
    expect(extra.status).toBe(400);
    expect(extra.error.problems?.[0]).toMatchObject({ path: [], code: 'unknown_field' });
    expect(extra.error.problems?.[0]?.message).toMatch(/"everything"/);
    expect((await t.app.request('/v1/orders', as(t, 'trader', 'POST', {}))).status).toBe(200);
    expect((await t.app.request('/v1/orders', as(t, 'trader', 'POST'))).status).toBe(200);
  });

  it('closes the connection when it refuses a request whose body it did not read', async () => {
    const body = JSON.stringify({ padding: 'x'.repeat(1000) });
    const refused = await t.app.request('/v1/users', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('connection')).toBe('close');
    const noBody = await t.app.request('/v1/users', { method: 'GET' });
    expect(noBody.status).toBe(401);
    expect(noBody.headers.get('connection')).toBeNull();
  });

  it('caps a fill price where the store does', () => {
    expect(MAX_FILL_PRICE).toBe(STORE_MAX_FILL_PRICE);
  });
});
