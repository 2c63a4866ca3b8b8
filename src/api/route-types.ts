/**
 * The shape of one route in the table (routes.ts): method, path, who may call it, its schemas
 * and its handler. The OpenAPI document, the docs page and the access-control test all read
 * the same table.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Role } from './contract/index.js';
import type { AppState } from './app-state.js';
import type { Reply } from './reply.js';

/** The HTTP methods the API uses. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `public`: anyone, logged in or not; `any`: every logged-in role; else these roles only. */
export type Access = 'public' | 'any' | readonly Role[];

/** The caller, authenticated by a session cookie or an API token. */
export interface Principal {
  username: string;
  role: Role;
  advisor: string | null;
  via: 'cookie' | 'token';
  /** The session's id (cookie only), to log it out. */
  sessionId: string | null;
  /** The session's CSRF token (cookie only). */
  csrfToken: string | null;
}

/** What a handler gets: the request's parts, validated, and the caller. */
export interface RouteContext<Q, B> {
  c: Context;
  state: AppState;
  /** Null only on public routes. */
  user: Principal | null;
  params: Record<string, string>;
  query: Q;
  body: B;
}

/** One documented answer of a route. */
export interface ResponseDoc {
  description: string;
  /** The JSON body's schema; absent for no body or a non-JSON body. */
  schema?: z.ZodType;
  /** A non-JSON body's media type (CSV, SSE). */
  contentType?: string;
}

/** One row of the route table. */
export interface RouteDef<Q = unknown, B = unknown> {
  method: Method;
  path: string;
  access: Access;
  /**
   * `own`: an advisor sees only their own households' data here — lists are filtered, and an id
   * outside them answers 404 as if it did not exist.
   */
  advisorScope?: 'own';
  summary: string;
  tag: string;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** The answers by status (errors other than these are the common ones). */
  responses: Record<number, ResponseDoc>;
  handler(ctx: RouteContext<Q, B>): Promise<Reply>;
}

/** A route with its types erased, as the table holds it. */
export type AnyRoute = RouteDef<unknown, unknown>;

/** Declares a route, keeping its query and body types for the handler. */
export function route<Q = undefined, B = undefined>(def: RouteDef<Q, B>): AnyRoute {
  return def as unknown as AnyRoute;
}

/** The caller of a non-public route (always set there; its absence is a bug). */
export function caller(ctx: { user: Principal | null }): Principal {
  if (!ctx.user) throw new Error('a non-public route ran without a caller');
  return ctx.user;
}

/** The advisor name an advisor is scoped to, or undefined for every other role. */
export function advisorOf(user: Principal | null): string | undefined {
  if (user?.role !== 'advisor') return undefined;
  // An advisor user without a name sees nothing, never the households without an advisor.
  return user.advisor ?? '\u0000';
}
