/**
 * `/v1/session`: log in (a session cookie and its CSRF token), who am I, log out. Logins are
 * rate-limited per username and per client address; a wrong username and a wrong password get
 * the same answer in the same time.
 */
import { deleteCookie, setCookie } from 'hono/cookie';
import { createSession, deleteSession, getUser, purgeExpiredSessions } from '../../store/index.js';
import { SESSION_COOKIE } from '../auth/authenticate.js';
import { verifyDecoy, verifyPassword } from '../auth/password.js';
import { newSecret, sha256 } from '../auth/secrets.js';
import type { LoginRequest, SessionResponse } from '../contract/index.js';
import { fail, noContent, ok, type Reply } from '../reply.js';
import { caller, type Principal, type RouteContext } from '../route-types.js';

/** How long a session lasts. */
export const SESSION_HOURS = 12;

const sessionOf = (
  u: Pick<Principal, 'username' | 'role' | 'advisor'>,
  csrfToken: string | null,
): SessionResponse => ({
  user: { username: u.username, role: u.role, advisor: u.advisor },
  csrfToken,
});

/** `Secure` only behind HTTPS (directly, or as a proxy in front says). */
const overHttps = (ctx: RouteContext<unknown, unknown>): boolean =>
  new URL(ctx.c.req.url).protocol === 'https:' || ctx.c.req.header('x-forwarded-proto') === 'https';

/** `POST /v1/session`: checks the limit, then the password; sets the cookie. */
export async function login(ctx: RouteContext<undefined, LoginRequest>): Promise<Reply> {
  const { username, password } = ctx.body;
  const address = ctx.state.clientAddress(ctx.c);
  const now = ctx.state.now();
  const verdict = ctx.state.limiter.check(username, address, now.getTime());
  if (!verdict.allowed)
    return fail(
      429,
      'rate_limited',
      `too many failed logins; try again in ${verdict.retryAfterSeconds} s`,
      {
        headers: { 'retry-after': String(verdict.retryAfterSeconds) },
      },
    );
  const user = await getUser(ctx.state.store.db, username);
  const good =
    user !== undefined && !user.disabled
      ? await verifyPassword(password, user.passwordHash)
      : await verifyDecoy(password);
  if (!good || !user) {
    ctx.state.limiter.fail(username, address, now.getTime());
    return fail(401, 'unauthenticated', 'wrong username or password');
  }
  ctx.state.limiter.succeed(username);
  const cookie = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  // Housekeeping on the way: expired sessions could not be used anyway.
  await purgeExpiredSessions(ctx.state.store.db, now);
  await createSession(
    ctx.state.store.db,
    { id: sha256(cookie), username: user.username, csrfToken, expiresAt },
    { address },
  );
  setCookie(ctx.c, SESSION_COOKIE, cookie, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: overHttps(ctx),
    path: '/',
    maxAge: SESSION_HOURS * 3600,
  });
  return ok(sessionOf(user, csrfToken));
}

/** `GET /v1/session`. */
export async function whoAmI(ctx: RouteContext<undefined, undefined>): Promise<Reply> {
  const me = caller(ctx);
  return ok(sessionOf(me, me.csrfToken));
}

/** `DELETE /v1/session`: ends the session and clears the cookie. */
export async function logout(ctx: RouteContext<undefined, undefined>): Promise<Reply> {
  const me = caller(ctx);
  if (me.sessionId !== null) await deleteSession(ctx.state.store.db, me.sessionId, me.username);
  deleteCookie(ctx.c, SESSION_COOKIE, { path: '/' });
  return noContent();
}
