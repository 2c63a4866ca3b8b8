export * from './ledger.js';
export * from './problem.js';
export * from './tax-status.js';
export * from './rebalance.js';
export * from './random.js';
export * from './proposal-status.js';
export type * from './drift.js';
export * from './group-by.js';
