/**
 * The one way the dashboard talks to the API: same-origin JSON calls that carry the session
 * cookie, add the CSRF token to every mutating request, and turn error bodies into
 * {@link ApiError}s. A 401 tells the session layer to show the login page.
 */
import { ApiError, apiErrorFrom } from './api-error';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Query parameters; only strings, numbers and booleans are sent (undefined and empty strings
 * are left out). Values are `unknown` because the contract's query types are zod inputs.
 */
export type Query = Record<string, unknown>;

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => undefined;

/** Keeps the session's CSRF token for the `X-CSRF-Token` header (null after logout). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers what to do when the API answers 401 (the session expired or was revoked). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** `path` with the non-empty query parameters appended. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== '') params.set(k, `${v}`);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function send(method: Method, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached. Check the connection.');
  }
}

async function fail(res: Response, path: string): Promise<never> {
  const body: unknown = await res.json().catch(() => null);
  const error = apiErrorFrom(res.status, body, `${res.status} ${res.statusText} (${path})`);
  // The login call itself answers 401 for a wrong password; that is not an expired session.
  if (res.status === 401 && path !== '/v1/session') onUnauthenticated();
  throw error;
}

/** Calls the API and parses its JSON answer (undefined for 204). */
export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const res = await send(method, path, body);
  if (!res.ok) return fail(res, path);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** Calls the API for a file (an export) and answers its text and suggested file name. */
export async function requestText(
  path: string,
): Promise<{ text: string; fileName: string | null; type: string }> {
  const res = await send('GET', path);
  if (!res.ok) return fail(res, path);
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const match = /filename="?([^";]+)"?/.exec(disposition);
  return {
    text: await res.text(),
    fileName: match?.[1] ?? null,
    type: res.headers.get('Content-Type') ?? 'text/plain',
  };
}

/** GET helper. */
export const get = <T>(path: string, query?: Query): Promise<T> =>
  request<T>('GET', withQuery(path, query));
/** POST helper. */
export const post = <T>(path: string, body?: unknown): Promise<T> =>
  request<T>('POST', path, body ?? {});
/** PUT helper. */
export const put = <T>(path: string, body: unknown): Promise<T> => request<T>('PUT', path, body);
/** PATCH helper. */
export const patch = <T>(path: string, body: unknown): Promise<T> =>
  request<T>('PATCH', path, body);
/** DELETE helper. */
export const del = <T>(path: string): Promise<T> => request<T>('DELETE', path);
