/**
 * Who is calling: an `Authorization: Bearer` API token, else the `tailor_session` cookie. A
 * bearer header that does not match is refused outright (it never falls back to the cookie),
 * so a script with a revoked token fails loudly.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { findApiToken, findSession, touchApiToken, type UserRow } from '../../store/index.js';
import type { AppState } from '../app-state.js';
import type { Principal } from '../route-types.js';
import { sha256 } from './secrets.js';

/** The session cookie's name. */
export const SESSION_COOKIE = 'tailor_session';

/** The caller, `null` for none, or `invalid` for credentials that do not match. */
export type Authentication = Principal | null | 'invalid';

const principalOf = (
  user: UserRow,
  via: Principal['via'],
  session: { id: string; csrfToken: string } | null,
): Principal => ({
  username: user.username,
  role: user.role,
  advisor: user.advisor,
  via,
  sessionId: session?.id ?? null,
  csrfToken: session?.csrfToken ?? null,
});

/** Authenticates the request. */
export async function authenticate(c: Context, state: AppState): Promise<Authentication> {
  const header = c.req.header('authorization');
  const now = state.now();
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) return 'invalid';
    const found = await findApiToken(state.store.db, sha256(match[1]!));
    if (!found) return 'invalid';
    await touchApiToken(state.store.db, found.token.id, now);
    return principalOf(found.user, 'token', null);
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  if (cookie === undefined || cookie === '') return null;
  const found = await findSession(state.store.db, sha256(cookie), now);
  if (!found) return null;
  return principalOf(found.user, 'cookie', found.session);
}
