/**
 * `createApp`: the Hono app of `tailor serve` — secure headers, a body size limit, the route
 * table (routes.ts) behind authentication, roles and CSRF, the dashboard at `/`, and a catch-all
 * that turns an unexpected error into a 500 without its details. It never listens: the server
 * (server.ts) or a test (`app.request()`) drives it.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { defaultThreads } from '../batch/index.js';
import type { AppOptions, AppState } from './app-state.js';
import { LoginLimiter } from './auth/rate-limit.js';
import { logToStderr } from './log-error.js';
import { dispatcher, refusedUnread } from './http/dispatch.js';
import { openApiDocument } from './openapi.js';
import { fail, toResponse } from './reply.js';
import { ROUTES } from './routes.js';
import { RunManager } from './runs/run-manager.js';
import { DEFAULT_WEB_ROOT, webResponse } from './static-web.js';
import { VERSION } from './version.js';

/** The app and what its owner needs besides it. */
export interface TailorApp {
  app: Hono;
  /** Resolves once no run is in progress (before closing the store). */
  idle(): Promise<void>;
}

const TEN_MB = 10 * 1024 * 1024;

/** The socket's remote address (`unknown` where there is no socket, as in tests). */
function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Paths of the table as patterns, to tell "no such path" (404) from "no such method" (405). */
const PATTERNS = ROUTES.map((r) => ({
  method: r.method,
  re: new RegExp(`^${r.path.replace(/:\w+/g, '[^/]+')}$`),
}));

function isApiPath(path: string): boolean {
  return path.startsWith('/v1/') || path === '/v1' || PATTERNS.some((p) => p.re.test(path));
}

/** Builds the app. */
export function createApp(options: AppOptions): TailorApp {
  const log = options.log ?? logToStderr;
  let openApi: Record<string, unknown> | undefined;
  const state: AppState = {
    store: options.store,
    now: options.now ?? (() => new Date()),
    log,
    runs: new RunManager(options.store.db, options.runThreads ?? defaultThreads(), log),
    limiter: new LoginLimiter(),
    clientAddress: options.clientAddress ?? socketAddress,
    maxBodyBytes: options.maxBodyBytes ?? TEN_MB,
    checkResponses: options.checkResponses ?? false,
    routes: ROUTES,
    openApi: () => (openApi ??= openApiDocument(ROUTES, VERSION)),
    version: VERSION,
  };
  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  const app = new Hono();
  app.onError((error, c) => {
    log(`${c.req.method} ${new URL(c.req.url).pathname} failed`, error);
    return toResponse(
      fail(500, 'internal', 'the server failed on this request; the server log says why'),
    );
  });
  app.use(
    secureHeaders({
      overwrite: false,
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
      },
      xFrameOptions: 'DENY',
      referrerPolicy: 'no-referrer',
      removePoweredBy: true,
    }),
  );
  app.use(
    bodyLimit({
      maxSize: state.maxBodyBytes,
      onError: (c) =>
        refusedUnread(
          c,
          fail(
            413,
            'body_too_large',
            `the body is over the limit of ${state.maxBodyBytes} bytes; send less (or raise --max-body)`,
          ),
        ),
    }),
  );
  for (const r of ROUTES) app.on(r.method, r.path, dispatcher(r, state));
  app.notFound(async (c) => {
    const path = new URL(c.req.url).pathname;
    if (isApiPath(path)) {
      const methods = PATTERNS.filter((p) => p.re.test(path)).map((p) => p.method);
      if (methods.length)
        return refusedUnread(c, {
          ...fail(
            405,
            'method_not_allowed',
            `${c.req.method} is not allowed here; use ${methods.join(', ')}`,
          ),
          headers: { allow: methods.join(', ') },
        });
      return refusedUnread(
        c,
        fail(404, 'not_found', `no route ${c.req.method} ${path}; see /docs`),
      );
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD')
      return refusedUnread(c, fail(404, 'not_found', `no route ${c.req.method} ${path}`));
    return webResponse(webRoot, path);
  });
  return { app, idle: () => state.runs.idle() };
}
