/** Logging in, sessions, CSRF, API tokens, the login rate limit and what is stored of secrets. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../store/index.js';
import { as, openTestApp, TEST_PASSWORD, type TestApp } from './testing/test-app.js';

const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** Logs in; answers the cookie header to send back and the CSRF token. */
async function login(t: TestApp, username: string, password = TEST_PASSWORD) {
  const res = await t.app.request('/v1/session', post({ username, password }));
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await res.json()) as { csrfToken?: string; error?: { code: string } };
  return { res, cookie, csrf: body.csrfToken ?? '', body };
}

describe('authentication', () => {
  let t: TestApp;
  let clock = Date.parse('2026-11-20T12:00:00Z');
  let address = '10.0.0.1';
  beforeAll(async () => {
    t = await openTestApp({ now: () => new Date(clock), clientAddress: () => address });
  });
  afterAll(async () => t?.close());

  it('logs in with a session cookie (httpOnly, SameSite=Strict) and says who is logged in', async () => {
    const { res, cookie, csrf } = await login(t, 'trader1');
    expect(res.status).toBe(200);
    const set = res.headers.get('set-cookie') ?? '';
    expect(set).toMatch(/^tailor_session=/);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(set).not.toMatch(/Secure/);
    const me = await t.app.request('/v1/session', { headers: { cookie } });
    expect(await me.json()).toEqual({
      user: { username: 'trader1', role: 'trader', advisor: null },
      csrfToken: csrf,
    });
    // Only the cookie's hash is stored.
    const rows = await t.store.db.select().from(schema.sessions);
    expect(rows.some((s) => cookie.includes(s.id))).toBe(false);
  });

  it('marks the cookie Secure behind HTTPS', async () => {
    const res = await t.app.request(
      '/v1/session',
      post({ username: 'pm1', password: TEST_PASSWORD }, { 'x-forwarded-proto': 'https' }),
    );
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const wrong = await login(t, 'viewer1', 'not the password');
    const unknown = await login(t, 'nobody', 'not the password');
    expect([wrong.res.status, unknown.res.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.res.headers.get('set-cookie')).toBeNull();
  });

  it('requires the CSRF token on cookie-authenticated changes, not on reads', async () => {
    const { cookie, csrf } = await login(t, 'admin1');
    const body = { name: 'script' };
    const without = await t.app.request('/v1/tokens', post(body, { cookie }));
    expect(without.status).toBe(403);
    expect(((await without.json()) as { error: { code: string } }).error.code).toBe('csrf');
    const wrong = await t.app.request(
      '/v1/tokens',
      post(body, { cookie, 'x-csrf-token': `${csrf}x` }),
    );
    expect(wrong.status).toBe(403);
    const right = await t.app.request('/v1/tokens', post(body, { cookie, 'x-csrf-token': csrf }));
    expect(right.status).toBe(201);
    expect((await t.app.request('/v1/tokens', { headers: { cookie } })).status).toBe(200);
  });

  it('needs no CSRF token with a bearer token', async () => {
    const res = await t.app.request('/v1/tokens', as(t, 'viewer', 'POST', { name: 'cron' }));
    expect(res.status).toBe(201);
  });

  it('shows a token once, stores only its SHA-256, and revokes it', async () => {
    const made = (await (
      await t.app.request('/v1/tokens', as(t, 'pm', 'POST', { name: 'nightly' }))
    ).json()) as { id: string; token: string };
    expect(made.token).toMatch(/^tailor_/);
    const [row] = await t.store.db
      .select()
      .from(schema.apiTokens)
      .where(eq(schema.apiTokens.id, made.id));
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.tokenHash).not.toContain(made.token);
    const listed = await (await t.app.request('/v1/tokens', as(t, 'pm'))).text();
    expect(listed).toContain('nightly');
    expect(listed).not.toContain(made.token);
    const bearer = { headers: { authorization: `Bearer ${made.token}` } };
    expect((await t.app.request('/v1/session', bearer)).status).toBe(200);
    // Another user cannot revoke it; its owner can, and then it no longer works.
    expect((await t.app.request(`/v1/tokens/${made.id}`, as(t, 'admin', 'DELETE'))).status).toBe(
      404,
    );
    expect((await t.app.request(`/v1/tokens/${made.id}`, as(t, 'pm', 'DELETE'))).status).toBe(204);
    expect((await t.app.request('/v1/session', bearer)).status).toBe(401);
  });

  it('stores passwords as scrypt hashes, never the password', async () => {
    const res = await t.app.request(
      '/v1/users',
      as(t, 'admin', 'POST', {
        username: 'ana',
        role: 'advisor',
        advisor: 'bob',
        password: 'hunter2-hunter2',
      }),
    );
    expect(res.status).toBe(201);
    expect(await res.text()).not.toContain('hunter2');
    const [row] = await t.store.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.username, 'ana'));
    expect(row!.passwordHash).toMatch(/^scrypt\$15\$8\$1\$[\w-]+\$[\w-]{43}$/);
    expect(row!.passwordHash).not.toContain('hunter2');
    const audit = await t.store.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.entityId, 'ana'));
    expect(JSON.stringify(audit)).not.toContain('hunter2');
    expect(JSON.stringify(audit)).not.toContain(row!.passwordHash);
    expect((await login(t, 'ana', 'hunter2-hunter2')).res.status).toBe(200);
  });

  it('ends the sessions of a disabled user, and logs out', async () => {
    const { cookie, csrf } = await login(t, 'ana', 'hunter2-hunter2');
    expect(
      (await t.app.request('/v1/users/ana', as(t, 'admin', 'PATCH', { disabled: true }))).status,
    ).toBe(200);
    expect((await t.app.request('/v1/session', { headers: { cookie } })).status).toBe(401);
    expect((await login(t, 'ana', 'hunter2-hunter2')).res.status).toBe(401);
    const other = await login(t, 'viewer1');
    const out = await t.app.request('/v1/session', {
      method: 'DELETE',
      headers: { cookie: other.cookie, 'x-csrf-token': other.csrf },
    });
    expect(out.status).toBe(204);
    expect((await t.app.request('/v1/session', { headers: { cookie: other.cookie } })).status).toBe(
      401,
    );
    expect(csrf).not.toBe('');
  });

  it('expires sessions after 12 hours', async () => {
    const { cookie } = await login(t, 'viewer1');
    clock += 11 * 3600_000;
    expect((await t.app.request('/v1/session', { headers: { cookie } })).status).toBe(200);
    clock += 2 * 3600_000;
    expect((await t.app.request('/v1/session', { headers: { cookie } })).status).toBe(401);
  });

  it('limits failed logins per username: the 6th attempt is refused with Retry-After, even with the right password', async () => {
    address = '10.0.0.2';
    for (let i = 0; i < 5; i++)
      expect((await login(t, 'viewer1', `guess ${i}`)).res.status).toBe(401);
    address = '10.0.0.3';
    const limited = await login(t, 'viewer1');
    expect(limited.res.status).toBe(429);
    expect(Number(limited.res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.error?.code).toBe('rate_limited');
    clock += 15 * 60_000 + 1000;
    expect((await login(t, 'viewer1')).res.status).toBe(200);
  });

  it('limits failed logins per address, whatever the usernames', async () => {
    address = '10.0.0.9';
    for (let i = 0; i < 5; i++) expect((await login(t, `user${i}`, 'guess')).res.status).toBe(401);
    expect((await login(t, 'pm1')).res.status).toBe(429);
    address = '10.0.0.10';
    expect((await login(t, 'pm1')).res.status).toBe(200);
  });
});
