/** The store's tables (Drizzle schema); migrations in src/store/migrations are generated from it. */
export * from './access.js';
export * from './backtests.js';
export * from './book-figures.js';
export * from './customization-requests.js';
export * from './households.js';
export * from './market.js';
export * from './models.js';
export * from './run-reports.js';
export * from './runs.js';
