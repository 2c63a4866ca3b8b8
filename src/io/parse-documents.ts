/** The four interchange documents, parsed from already-decoded JSON. */
import type { LedgerRequest, LedgerResponse } from '../domain/ledger.js';
import type { RebalanceRequest, RebalanceResponse } from '../domain/rebalance.js';
import { LedgerRequestSchema } from './ledger-request-schema.js';
import { LedgerResponseSchema } from './ledger-response-schema.js';
import type { ParseResult } from './parse-result.js';
import { parseWith } from './parse-result.js';
import { RebalanceRequestSchema } from './rebalance-request-schema.js';
import { RebalanceResponseSchema } from './rebalance-response-schema.js';

/**
 * Validates a ledger request (spec §3).
 *
 * @example
 * const result = parseLedgerRequest(JSON.parse(text));
 * if (result.ok) replayLedger(result.value);
 * else console.error(formatProblems(result.problems)); // transactions[3].quantity: expected a number greater than 0, found -5
 */
export function parseLedgerRequest(input: unknown): ParseResult<LedgerRequest> {
  return parseWith(LedgerRequestSchema, input);
}

/** Validates a ledger response (spec §4). */
export function parseLedgerResponse(input: unknown): ParseResult<LedgerResponse> {
  return parseWith(LedgerResponseSchema, input);
}

/** Validates a rebalance request (spec §1), including its cross-references. */
export function parseRebalanceRequest(input: unknown): ParseResult<RebalanceRequest> {
  return parseWith(RebalanceRequestSchema, input);
}

/** Validates a rebalance response (spec §2). */
export function parseRebalanceResponse(input: unknown): ParseResult<RebalanceResponse> {
  return parseWith(RebalanceResponseSchema, input);
}
