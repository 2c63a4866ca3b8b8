/**
 * The HTTP API's contract (docs/api.md): a zod schema for every request body, query and
 * response, and the types inferred from them. Browser-safe — zod and src/io's pure schemas
 * only — so the dashboard can `import type` from here.
 */
export * from './accounts.js';
export * from './audit.js';
export * from './backtests.js';
export * from './book.js';
export * from './common.js';
export * from './customization-requests.js';
export * from './health.js';
export * from './households.js';
export * from './interchange.js';
export * from './models.js';
export * from './orders.js';
export * from './proposals.js';
export * from './runs.js';
export * from './session.js';
export * from './tokens.js';
export * from './users.js';
