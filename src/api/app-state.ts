/**
 * What the app's handlers share: the store, the clock, the run in progress, the login limiter
 * and where to log. Built once by createApp.
 */
import type { Context } from 'hono';
import type { Store } from '../store/index.js';
import type { LoginLimiter } from './auth/rate-limit.js';
import type { AnyRoute } from './route-types.js';
import type { RunManager } from './runs/run-manager.js';

/** Options of {@link createApp} (src/api/app.ts). */
export interface AppOptions {
  store: Store;
  /** Largest request body in bytes (default 10 MB); larger answers 413. */
  maxBodyBytes?: number;
  /** Worker threads of a run started over HTTP (default one per core; 0: this thread). */
  runThreads?: number;
  /** The built dashboard (default `dist/web` under the package root); null serves none. */
  webRoot?: string | null;
  /** The clock (tests move it). */
  now?: () => Date;
  /** Where unexpected errors go (default console.error); never given secrets. */
  log?: (message: string, error?: unknown) => void;
  /** The client's address, for the login rate limit (default: the socket's remote address). */
  clientAddress?: (c: Context) => string;
  /** Check every JSON answer against its route's schema, answering 500 on a mismatch (tests). */
  checkResponses?: boolean;
}

/** The state every handler reads (built by createApp). */
export interface AppState {
  store: Store;
  now: () => Date;
  log: (message: string, error?: unknown) => void;
  runs: RunManager;
  limiter: LoginLimiter;
  clientAddress: (c: Context) => string;
  maxBodyBytes: number;
  checkResponses: boolean;
  /** The route table (routes.ts) and the OpenAPI document generated from it. */
  routes: readonly AnyRoute[];
  openApi: () => Record<string, unknown>;
  version: string;
}
