/**
 * Compile-time proof that each schema validates exactly its domain type: if a field is added,
 * removed, renamed, retyped or made optional on one side only, `tsc` fails here.
 */
import type { z } from 'zod';
import type { LedgerRequest, LedgerResponse } from '../domain/ledger.js';
import type { RebalanceRequest, RebalanceResponse } from '../domain/rebalance.js';
import type { LedgerRequestSchema } from './ledger-request-schema.js';
import type { LedgerResponseSchema } from './ledger-response-schema.js';
import type { RebalanceRequestSchema } from './rebalance-request-schema.js';
import type { RebalanceResponseSchema } from './rebalance-response-schema.js';

/**
 * True when A and B are the same type, not merely assignable to each other: an optional field on
 * one side only, or optional on one side and required on the other, makes it false.
 */
export type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compiles only for `true`. */
export type Expect<T extends true> = T;

/** One entry per interchange document; each fails to compile when schema and type drift apart. */
export type SchemaContract = [
  Expect<Equals<z.infer<typeof LedgerRequestSchema>, LedgerRequest>>,
  Expect<Equals<z.infer<typeof LedgerResponseSchema>, LedgerResponse>>,
  Expect<Equals<z.infer<typeof RebalanceRequestSchema>, RebalanceRequest>>,
  Expect<Equals<z.infer<typeof RebalanceResponseSchema>, RebalanceResponse>>,
];
