/** The household rebalance (spec §1–2). */
export { rebalance, type RebalanceOptions } from './rebalance.js';
