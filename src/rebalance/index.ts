/** The household rebalance (spec §1–2). */
export { rebalance } from './rebalance.js';
