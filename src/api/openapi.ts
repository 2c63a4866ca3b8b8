/**
 * The OpenAPI 3.1 document, generated from the route table: every path, method, role, query
 * parameter, body and answer, with JSON Schemas from the zod schemas (zod 4's toJSONSchema),
 * plus the error body every route may answer.
 */
import { z } from 'zod';
import { ErrorBodySchema } from './contract/index.js';
import type { AnyRoute } from './route-types.js';

type Json = Record<string, unknown>;

/** Input mode for every schema, as src/io generates its JSON Schemas (keyed unions need it). */
export const JSON_OPTIONS = {
  target: 'draft-2020-12',
  io: 'input',
  unrepresentable: 'throw',
} as const;

/** A schema without its `$schema` (OpenAPI 3.1 documents carry one dialect). */
export function schemaOf(schema: z.ZodType): Json {
  const json: Json = z.toJSONSchema(schema, JSON_OPTIONS);
  delete json['$schema'];
  return json;
}

/** `/v1/runs/:id` → `/v1/runs/{id}`. */
export const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');

/** Who may call the route, in words. */
export function accessText(r: AnyRoute): string {
  const who =
    r.access === 'public'
      ? 'public'
      : r.access === 'any'
        ? 'any logged-in role'
        : r.access.join(', ');
  return r.advisorScope === 'own' ? `${who} (advisors: their own households only)` : who;
}

function queryParameters(r: AnyRoute): Json[] {
  if (!r.query) return [];
  const json = schemaOf(r.query);
  const props = (json['properties'] ?? {}) as Record<string, Json>;
  const required = new Set((json['required'] ?? []) as string[]);
  return Object.entries(props).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema,
  }));
}

function operation(r: AnyRoute): Json {
  const params = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const responses: Json = {};
  for (const [status, doc] of Object.entries(r.responses))
    responses[status] = {
      description: doc.description,
      ...(doc.schema ? { content: { 'application/json': { schema: schemaOf(doc.schema) } } } : {}),
      ...(doc.contentType
        ? { content: { [doc.contentType]: { schema: { type: 'string' } } } }
        : {}),
    };
  responses['default'] = {
    description: 'An error (see docs/api.md, "Errors")',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  return {
    summary: r.summary,
    description: `Roles: ${accessText(r)}.`,
    tags: [r.tag],
    operationId: `${r.method.toLowerCase()}${r.path.replace(/[:/.-]+(\w)/g, (_m, c: string) => c.toUpperCase())}`,
    'x-roles': r.access,
    ...(r.advisorScope ? { 'x-advisor-scope': r.advisorScope } : {}),
    ...(r.access === 'public' ? { security: [] } : {}),
    parameters: [...params, ...queryParameters(r)],
    ...(r.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemaOf(r.body) } },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of these routes. */
export function openApiDocument(routes: readonly AnyRoute[], version: string): Json {
  const paths: Record<string, Json> = {};
  for (const r of routes) {
    const path = openApiPath(r.path);
    paths[path] = { ...paths[path], [r.method.toLowerCase()]: operation(r) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tailor API',
      version,
      description: 'Centralized, tax-aware portfolio rebalancing (docs/api.md).',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Error: schemaOf(ErrorBodySchema) },
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'tailor_session',
          description: 'POST /v1/session; changes also need X-CSRF-Token',
        },
        token: { type: 'http', scheme: 'bearer', description: 'POST /v1/tokens' },
      },
    },
    security: [{ session: [] }, { token: [] }],
  };
}
