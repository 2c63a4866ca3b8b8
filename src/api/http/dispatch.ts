/**
 * One route's request, in order: who is calling (401), may they (403), did a cookie-borne
 * change carry the session's CSRF token (403 `csrf`), do the query and body fit (400) — then
 * the handler. Only then is anything read from or written to the store on the caller's behalf.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { authenticate } from '../auth/authenticate.js';
import { sameSecret } from '../auth/secrets.js';
import type { AppState } from '../app-state.js';
import { fail, toResponse, type JsonReply, type Reply } from '../reply.js';
import type { AnyRoute, Principal } from '../route-types.js';
import { readBody, readQuery } from './read-input.js';

/** The header a cookie-authenticated change must carry. */
export const CSRF_HEADER = 'x-csrf-token';

/** Whether the route lets this caller in. */
export function allows(route: AnyRoute, user: Principal | null): boolean {
  if (route.access === 'public') return true;
  if (user === null) return false;
  return route.access === 'any' || route.access.includes(user.role);
}

/** 401, 403 or 403 `csrf` when the caller may not go on; undefined when they may. */
async function gate(
  route: AnyRoute,
  c: Context,
  state: AppState,
): Promise<{ user: Principal | null } | JsonReply> {
  if (route.access === 'public') return { user: null };
  const auth = await authenticate(c, state);
  if (auth === 'invalid')
    return fail(
      401,
      'unauthenticated',
      'the bearer token is not valid: create a new one (POST /v1/tokens)',
    );
  if (auth === null)
    return fail(401, 'unauthenticated', 'log in first (POST /v1/session) or send an API token');
  if (!allows(route, auth))
    return fail(403, 'forbidden', `the ${auth.role} role may not ${route.method} ${route.path}`);
  const changes = route.method !== 'GET';
  if (changes && auth.via === 'cookie') {
    const sent = c.req.header(CSRF_HEADER) ?? '';
    if (auth.csrfToken === null || !sameSecret(sent, auth.csrfToken))
      return fail(403, 'csrf', `send the session's csrfToken in the X-CSRF-Token header`);
  }
  return { user: auth };
}

/** Checks a JSON answer against the route's schema for its status (with `checkResponses`). */
function checked(route: AnyRoute, reply: JsonReply, state: AppState): JsonReply {
  const schema = route.responses[reply.status]?.schema;
  if (!state.checkResponses || reply.status >= 400 || reply.status === 204) return reply;
  if (!schema) {
    state.log(
      `${route.method} ${route.path} answered ${reply.status}, which its table entry does not list`,
    );
    return fail(500, 'internal', 'the answer does not match the API contract');
  }
  const parsed = schema.safeParse(reply.json);
  if (parsed.success) return reply;
  state.log(
    `${route.method} ${route.path} answer breaks its schema: ${JSON.stringify(parsed.error.issues.slice(0, 5))}`,
  );
  return fail(500, 'internal', 'the answer does not match the API contract');
}

/**
 * A refusal sent before the body was read closes the connection: the unread body is still on
 * the socket, and a client that reused it for its next request would see that one fail.
 */
export function refusedUnread(c: Context, reply: JsonReply): Response {
  const sent = c.req.header('content-length') ?? c.req.header('transfer-encoding');
  const unread = sent !== undefined && sent !== '0';
  return toResponse(
    unread ? { ...reply, headers: { ...reply.headers, connection: 'close' } } : reply,
  );
}

/** The Hono handler of a route. */
export function dispatcher(route: AnyRoute, state: AppState) {
  return async (c: Context): Promise<Response> => {
    const gated = await gate(route, c, state);
    if ('status' in gated) return refusedUnread(c, gated);
    const query = readQuery(c, route.query);
    if (!query.ok) return refusedUnread(c, query.reply);
    const body = await readBody(c, route.body);
    if (!body.ok) return toResponse(body.reply);
    const reply: Reply = await route.handler({
      c,
      state,
      user: gated.user,
      params: c.req.param() as Record<string, string>,
      query: query.value,
      body: body.value,
    });
    if (reply instanceof Response) return reply;
    const out = checked(route, reply, state);
    // Through the context, so that headers set on it (cookies) go out with the answer.
    if (out.status === 204) return c.body(null, 204, out.headers);
    return c.body(JSON.stringify(out.json), out.status as ContentfulStatusCode, {
      'content-type': 'application/json; charset=utf-8',
      ...out.headers,
    });
  };
}
