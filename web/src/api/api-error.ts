/**
 * The API's error body (`{ error: { status, code, message, problems } }`, docs/api.md) as a
 * thrown value, so every page can show the server's own words and the paths of bad fields.
 */

/** One problem with a request: where (a JSON path) and what. */
export interface ApiProblem {
  path: (string | number)[];
  code: string;
  message: string;
}

/** A failed API call. `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problems: ApiProblem[];
  /** A refusal's reason code (409: `stale`, `busy`, …), when the server gives one. */
  readonly reason: string | null;

  constructor(
    status: number,
    code: string,
    message: string,
    problems: ApiProblem[] = [],
    reason: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.problems = problems;
    this.reason = reason;
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function toProblem(x: unknown): ApiProblem | null {
  if (!isRecord(x)) return null;
  const path = Array.isArray(x.path)
    ? x.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number')
    : [];
  return {
    path,
    code: typeof x.code === 'string' ? x.code : '',
    message: typeof x.message === 'string' ? x.message : '',
  };
}

/**
 * Reads an error response. A body that is not the documented shape (a proxy's HTML page, say)
 * still yields a useful message rather than a parse failure.
 */
export function apiErrorFrom(status: number, body: unknown, fallback: string): ApiError {
  const e = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (!e) return new ApiError(status, 'http_error', fallback);
  const problems = Array.isArray(e.problems)
    ? e.problems.map(toProblem).filter((p): p is ApiProblem => p !== null)
    : [];
  return new ApiError(
    typeof e.status === 'number' ? e.status : status,
    typeof e.code === 'string' ? e.code : 'http_error',
    typeof e.message === 'string' && e.message !== '' ? e.message : fallback,
    problems,
    typeof e.reason === 'string' ? e.reason : null,
  );
}

/** A problem path as people read it: `accounts[0].lots[2].quantity`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
