/**
 * Advisors see their own households only: another advisor's household, account, proposal or
 * customization request answers 404 exactly as a missing id does, and lists leave them out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { propose } from '../store/lifecycle-testing.js';
import { as, openTestApp, type TestApp } from './testing/test-app.js';

describe('advisor scoping (the advisor is alice: H1 and H3; bob has H2)', () => {
  let t: TestApp;
  let mine: string;
  let bobs: string;
  beforeAll(async () => {
    t = await openTestApp();
    mine = await propose(t.store.db, 'H1', []);
    bobs = await propose(t.store.db, 'H2', []);
  });
  afterAll(async () => t?.close());

  const get = async (path: string, role: 'advisor' | 'admin' = 'advisor') => {
    const res = await t.app.request(path, as(t, role));
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it.each([
    ['household', '/v1/households/H2', '/v1/households/NOPE'],
    ['account', '/v1/accounts/H2-TAX', '/v1/accounts/NOPE-TAX'],
    ['account settings', '/v1/accounts/H2-TAX/settings', '/v1/accounts/NOPE-TAX/settings'],
    [
      'customization costs',
      '/v1/households/H2/customization-costs',
      '/v1/households/NOPE/customization-costs',
    ],
  ])("another advisor's %s is a 404 like a missing one", async (_what, theirs, missing) => {
    const a = await get(theirs);
    const b = await get(missing);
    expect(a.status).toBe(404);
    expect(b.status).toBe(404);
    // The same answer but for the id itself: nothing tells "exists" from "missing".
    expect(JSON.stringify(a.body).replace(/H2/g, 'NOPE')).toBe(JSON.stringify(b.body));
    expect((await get(theirs, 'admin')).status).toBe(200);
  });

  it("another advisor's proposal is a 404; one's own is there", async () => {
    expect((await get(`/v1/proposals/${bobs}`)).status).toBe(404);
    expect((await get('/v1/proposals/NOPE')).status).toBe(404);
    expect((await get(`/v1/proposals/${mine}`)).status).toBe(200);
  });

  it('lists only their own households and proposals, whatever the query asks', async () => {
    const households = await get('/v1/households?advisor=bob');
    expect((households.body['items'] as { id: string }[]).map((h) => h.id)).toEqual(['H1', 'H3']);
    // Sorted over the whole book, filtered: still their own only.
    const byDrift = await get('/v1/households?advisor=bob&sort=drift&outOfTolerance=false');
    expect((byDrift.body['items'] as { id: string }[]).map((h) => h.id).sort()).toEqual([
      'H1',
      'H3',
    ]);
    const proposals = await get('/v1/proposals?household=H2');
    expect(proposals.body['total']).toBe(0);
    const all = await get('/v1/proposals');
    expect((all.body['items'] as { householdId: string }[]).map((p) => p.householdId)).toEqual([
      'H1',
    ]);
    expect((await get('/v1/proposals', 'admin')).body['total']).toBe(2);
  });

  it("cannot request a customization for another advisor's account", async () => {
    const body = {
      account: 'H2-TAX',
      settings: { drift: { threshold: 0.05 } },
      note: 'client asked',
    };
    expect(
      (await t.app.request('/v1/customization-requests', as(t, 'advisor', 'POST', body))).status,
    ).toBe(404);
    const own = await t.app.request(
      '/v1/customization-requests',
      as(t, 'advisor', 'POST', { ...body, account: 'H1-TAX' }),
    );
    expect(own.status).toBe(201);
    // Bob's households' requests (made by a PM) stay out of the advisor's list.
    expect(
      (await t.app.request('/v1/customization-requests', as(t, 'pm', 'POST', body))).status,
    ).toBe(201);
    const listed = await get('/v1/customization-requests');
    expect((listed.body['items'] as { accountId: string }[]).map((r) => r.accountId)).toEqual([
      'H1-TAX',
    ]);
    expect((await get('/v1/customization-requests', 'admin')).body['total']).toBe(2);
  });
});
