/**
 * A request's query and body, validated with the route's schemas: bad JSON is `invalid_json`
 * with its line and column, anything else that does not fit is `invalid_request` with a path
 * per problem. An empty body reads as `{}` (a route whose fields are all optional needs none).
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { genericErrorMap } from '../../io/error-map.js';
import { parseJsonText } from '../../io/parse-json-text.js';
import { problemsFromIssues } from '../../io/problems.js';
import type { ApiProblem } from '../contract/index.js';
import { fail, invalid, type JsonReply } from '../reply.js';
import { depthProblem } from './json-depth.js';
import { nulProblem } from './nul-bytes.js';

/** A validated input, or the 400 answer saying what is wrong. */
export type Input<T> = { ok: true; value: T } | { ok: false; reply: JsonReply };

function validate<T>(schema: z.ZodType<T>, value: unknown, prefix: string[]): Input<T> {
  // Depth first: the NUL check and zod both recurse, and would overflow the stack.
  const nul = depthProblem(value, prefix) ?? nulProblem(value, prefix);
  if (nul) return { ok: false, reply: invalid([nul]) };
  const parsed = schema.safeParse(value, { error: genericErrorMap });
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems: ApiProblem[] = problemsFromIssues(parsed.error.issues).map((p) => ({
    ...p,
    path: [...prefix, ...p.path],
  }));
  return { ok: false, reply: invalid(problems) };
}

/**
 * A parameter given more than once (`?format=csv&format=fix`) is refused: reading the first
 * one silently would act on a request other than the one sent.
 */
function repeatedProblems(c: Context): ApiProblem[] {
  return Object.entries(c.req.queries())
    .filter(([, values]) => values.length > 1)
    .map(([name, values]) => ({
      path: ['query', name],
      code: 'repeated',
      message: `query parameter "${name}" is given ${values.length} times; give it once`,
    }));
}

/** The query string as the schema reads it; problems are at `["query", name]`. */
export function readQuery<T>(c: Context, schema: z.ZodType<T> | undefined): Input<T> {
  const query = c.req.query();
  const nul = nulProblem(query, ['query']) ?? nulProblem(c.req.param(), ['params']);
  if (nul) return { ok: false, reply: invalid([nul]) };
  const repeated = repeatedProblems(c);
  if (repeated.length) return { ok: false, reply: invalid(repeated) };
  if (!schema) {
    const names = Object.keys(query);
    if (names.length === 0) return { ok: true, value: undefined as T };
    return {
      ok: false,
      reply: invalid(
        names.map((n) => ({
          path: ['query', n],
          code: 'unknown_field',
          message: `unknown query parameter "${n}": this route takes none`,
        })),
      ),
    };
  }
  return validate(schema, query, ['query']);
}

/**
 * What a route without a body schema takes: nothing, or `{}` (as the dashboard sends). It is
 * read all the same, so that an ignored body neither hides a mistake nor lingers on the socket.
 */
const NO_BODY = z.strictObject({});

/** The JSON body as the schema reads it; problems are at paths into the body. */
export async function readBody<T>(c: Context, schema: z.ZodType<T> | undefined): Promise<Input<T>> {
  if (!schema) {
    const none = await readBody(c, NO_BODY);
    return none.ok ? { ok: true, value: undefined as T } : none;
  }
  const text = await c.req.text();
  if (text.trim() === '') return validate(schema, {}, []);
  const json = parseJsonText(text, 'body');
  if (!json.ok) {
    const p = json.problems[0]!;
    const where =
      'line' in p && 'column' in p ? { line: Number(p.line), column: Number(p.column) } : {};
    return {
      ok: false,
      reply: fail(400, 'invalid_json', `the body is not valid JSON: ${p.message}`, {
        problems: [{ path: [], code: 'invalid_json', message: p.message, ...where }],
      }),
    };
  }
  return validate(schema, json.value, []);
}
