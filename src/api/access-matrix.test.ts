/**
 * The access-control matrix: every route of the table × every role (and no login), asserted
 * against docs/api.md's table as written out here — independently of routes.ts, so adding a
 * route or changing its roles without updating this test fails it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from './contract/index.js';
import type { Access } from './route-types.js';
import { ROUTES } from './routes.js';
import { as, openTestApp, type TestApp } from './testing/test-app.js';

const ANY: readonly Role[] = ROLES;
const BOOK: readonly Role[] = ['admin', 'pm', 'trader', 'viewer'];
const EDIT: readonly Role[] = ['admin', 'pm'];
const TRADE: readonly Role[] = ['admin', 'trader'];

/** docs/api.md "Routes": who may call what (`public`: anyone, even without a login). */
const EXPECTED: Record<string, readonly Role[] | 'public'> = {
  'GET /healthz': 'public',
  'GET /openapi.json': 'public',
  'GET /docs': 'public',
  'POST /v1/session': 'public',
  'GET /v1/session': ANY,
  'DELETE /v1/session': ANY,
  'GET /v1/tokens': ANY,
  'POST /v1/tokens': ANY,
  'DELETE /v1/tokens/:id': ANY,
  'GET /v1/users': ['admin'],
  'POST /v1/users': ['admin'],
  'PATCH /v1/users/:username': ['admin'],
  'POST /v1/rebalance': ANY,
  'POST /v1/ledger': ANY,
  'GET /v1/book': BOOK,
  'GET /v1/households': ANY,
  'GET /v1/households/:id': ANY,
  'GET /v1/households/:id/customization-costs': ANY,
  'GET /v1/accounts/:id': ANY,
  'GET /v1/accounts/:id/settings': ANY,
  'PUT /v1/accounts/:id/settings': EDIT,
  'GET /v1/customization-requests': ANY,
  'POST /v1/customization-requests': ['admin', 'pm', 'advisor'],
  'POST /v1/customization-requests/:id/approve': EDIT,
  'POST /v1/customization-requests/:id/reject': EDIT,
  'GET /v1/models': ANY,
  'GET /v1/models/:id': ANY,
  'POST /v1/models': EDIT,
  'PUT /v1/models/:id': EDIT,
  'GET /v1/runs': BOOK,
  'GET /v1/runs/:id': BOOK,
  'POST /v1/runs': EDIT,
  'GET /v1/runs/:id/events': BOOK,
  'GET /v1/backtests': ANY,
  'GET /v1/backtests/:id': ANY,
  'GET /v1/backtests/:id/charts/:file': ANY,
  'GET /v1/backtests/:id/report': ANY,
  'GET /v1/proposals': ANY,
  'GET /v1/proposals/:id': ANY,
  'POST /v1/proposals/:id/approve': TRADE,
  'POST /v1/proposals/:id/reject': TRADE,
  'POST /v1/proposals/approve': TRADE,
  'GET /v1/orders': ['admin', 'trader', 'viewer', 'pm'],
  'GET /v1/orders/:id': ['admin', 'trader', 'viewer', 'pm'],
  'POST /v1/orders': TRADE,
  'GET /v1/orders/export': TRADE,
  'POST /v1/orders/:id/fill': TRADE,
  'POST /v1/orders/executions': TRADE,
  'POST /v1/orders/:id/cancel': TRADE,
  'GET /v1/audit': BOOK,
};

/** Advisors see only their own households on these (docs/api.md "any (advisor: own)"). */
const ADVISOR_SCOPED = [
  'GET /v1/households',
  'GET /v1/households/:id',
  'GET /v1/households/:id/customization-costs',
  'GET /v1/accounts/:id',
  'GET /v1/accounts/:id/settings',
  'GET /v1/customization-requests',
  'POST /v1/customization-requests',
  'GET /v1/proposals',
  'GET /v1/proposals/:id',
];

const keyOf = (r: { method: string; path: string }): string => `${r.method} ${r.path}`;

/** The roles an access admits (`public`: all of them, and no login too). */
const rolesOf = (a: Access): readonly Role[] | 'public' =>
  a === 'public' ? 'public' : a === 'any' ? ANY : a;

/** A path with ids that exist and belong to the advisor's households, where that matters. */
function concrete(path: string): string {
  return path
    .replace('/households/:id', '/households/H1')
    .replace('/accounts/:id', '/accounts/H1-TAX')
    .replace('/models/:id', '/models/balanced')
    .replace('/users/:username', '/users/viewer1')
    .replace(':id', 'nope')
    .concat(path === '/v1/orders/export' ? '?format=csv' : '');
}

describe('the route table', () => {
  it('lists exactly the routes of docs/api.md', () => {
    expect(ROUTES.map(keyOf).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(ROUTES.map((r) => [keyOf(r), r] as const))('%s admits the documented roles', (key, r) => {
    expect(rolesOf(r.access)).toEqual(EXPECTED[key]);
  });

  it('scopes advisors to their own households exactly where documented', () => {
    expect(
      ROUTES.filter((r) => r.advisorScope === 'own')
        .map(keyOf)
        .sort(),
    ).toEqual([...ADVISOR_SCOPED].sort());
  });
});

describe('every route × every role over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(async () => t?.close());

  it.each(ROUTES.map((r) => [keyOf(r), r] as const))('%s', async (key, r) => {
    const expected = EXPECTED[key]!;
    const outcome: Record<string, number> = {};
    const wanted: Record<string, string> = {};
    for (const role of [...ROLES, null]) {
      const res = await t.app.request(
        concrete(r.path),
        as(t, role, r.method, r.body ? {} : undefined),
      );
      await res.arrayBuffer();
      const name = role ?? 'anonymous';
      outcome[name] = res.status;
      expect(res.status, `${name}: never a 500`).toBeLessThan(500);
      const allowed = expected === 'public' || (role !== null && expected.includes(role));
      const got =
        res.status === 401 ? 'unauthenticated' : res.status === 403 ? 'forbidden' : 'allowed';
      wanted[name] = allowed ? 'allowed' : role === null ? 'unauthenticated' : 'forbidden';
      outcome[name] = got === wanted[name] ? 0 : res.status;
    }
    // Every entry 0: each caller got exactly what the table says (else the status it got).
    expect(outcome, JSON.stringify(wanted)).toEqual(
      Object.fromEntries([...ROLES, 'anonymous'].map((n) => [n, 0])),
    );
  });
});
