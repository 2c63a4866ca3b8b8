/**
 * A proposal's status, in lifecycle order: `proposed` → `approved` | `rejected` → `ordered` →
 * `filled` | `cancelled`; `noTrade`, `gated` (not traded: data integrity) and `error` (the
 * engine's per-household error) never go further. The store, the API contract and the
 * dashboard all read this one list.
 */
export const PROPOSAL_STATUSES = [
  'proposed',
  'noTrade',
  'gated',
  'error',
  'approved',
  'rejected',
  'ordered',
  'filled',
  'cancelled',
] as const;

/** One of {@link PROPOSAL_STATUSES}. */
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
