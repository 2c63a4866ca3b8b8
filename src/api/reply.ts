/**
 * What a handler answers: a JSON body with a status, or a ready Response (CSV, SSE). Expected
 * refusals are replies too — never exceptions — shaped as docs/api.md's error body.
 */
import type { ApiProblem, ErrorBody, ErrorCode } from './contract/index.js';

/** A JSON answer. */
export interface JsonReply {
  status: number;
  json: unknown;
  headers?: Record<string, string>;
}

/** A JSON answer, or a ready Response (CSV, FIX, SSE, HTML). */
export type Reply = JsonReply | Response;

/** A JSON answer (200 unless told). */
export const ok = (json: unknown, status = 200): JsonReply => ({ status, json });

/** 204: done, nothing to say. */
export const noContent = (): JsonReply => ({ status: 204, json: null });

/** An error answer: `{ error: { status, code, message, problems?, reason? } }`. */
export function fail(
  status: number,
  code: ErrorCode,
  message: string,
  extra: { problems?: ApiProblem[]; reason?: string; headers?: Record<string, string> } = {},
): JsonReply {
  const body: ErrorBody = {
    error: {
      status,
      code,
      message,
      ...(extra.problems ? { problems: extra.problems } : {}),
      ...(extra.reason ? { reason: extra.reason } : {}),
    },
  };
  return { status, json: body, ...(extra.headers ? { headers: extra.headers } : {}) };
}

/** 404 for an id that does not exist — or that the caller may not see (the same answer). */
export const notFound = (what: string, id: string): JsonReply =>
  fail(404, 'not_found', `no ${what} ${id}`);

/** 400 with problems in the body (paths into the request body). */
export const invalid = (problems: ApiProblem[]): JsonReply =>
  fail(400, 'invalid_request', `the request has ${problems.length} problem(s); fix each path`, {
    problems,
  });

/** 409: a lifecycle refusal, with its reason code and what to do. */
export const conflict = (message: string, reason?: string): JsonReply =>
  fail(409, 'conflict', message, reason ? { reason } : {});

/** A JSON reply as a Response. */
export function toResponse(r: JsonReply): Response {
  return new Response(JSON.stringify(r.json), {
    status: r.status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...r.headers },
  });
}
