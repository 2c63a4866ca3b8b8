export { anniversary, isLongTerm, toDay, toIso, type Day } from './calendar.js';
export { cents, exact, Exact, roundCents, roundShares, shares, sum, ZERO } from './exact.js';
export { replayExact, replayLedger, type ExactOutcome, type LedgerOutcome } from './replay.js';
export { reliefOrder } from './relief.js';
export { splitFraction } from './corporate-actions.js';
export { WASH_WINDOW_DAYS } from './wash-sale.js';
