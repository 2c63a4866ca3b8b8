/** `/healthz`, `/openapi.json` and `/docs`: liveness and the API's own description. */
import { docsPage } from '../docs-page.js';
import { ok, toResponse, type Reply } from '../reply.js';
import type { RouteContext } from '../route-types.js';

/** `GET /healthz`. */
export async function healthHandler(ctx: RouteContext<undefined, undefined>): Promise<Reply> {
  return ok({ ok: true, version: ctx.state.version });
}

/** `GET /openapi.json`. */
export async function openApiHandler(ctx: RouteContext<undefined, undefined>): Promise<Reply> {
  // A document of its own kind (OpenAPI), not one of this API's contract shapes.
  return toResponse(ok(ctx.state.openApi()));
}

/** `GET /docs`. */
export async function docsHandler(ctx: RouteContext<undefined, undefined>): Promise<Reply> {
  const page = docsPage(ctx.state.routes, ctx.state.version);
  return new Response(page.html, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      // The page's one inline stylesheet is allowed by its hash; nothing else inline runs.
      'content-security-policy': `default-src 'self'; style-src 'self' '${page.styleHash}'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`,
    },
  });
}
