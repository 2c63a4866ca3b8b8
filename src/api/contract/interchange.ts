/**
 * The stateless routes' documents are the interchange documents (docs/interchange.md):
 * `POST /v1/rebalance` takes §1 and answers §2, `POST /v1/ledger` takes §3 and answers §4.
 */
export { LedgerRequestSchema } from '../../io/ledger-request-schema.js';
export { LedgerResponseSchema } from '../../io/ledger-response-schema.js';
export { RebalanceRequestSchema } from '../../io/rebalance-request-schema.js';
export { RebalanceResponseSchema } from '../../io/rebalance-response-schema.js';
export type {
  LedgerRequest,
  LedgerResponse,
  RebalanceRequest,
  RebalanceResponse,
} from '../../domain/index.js';
