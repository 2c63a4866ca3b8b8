/** Runs (`/v1/runs`): start one, list them, follow one's progress. */
import { z } from 'zod';
import { strictObject } from '../../io/strict-object.js';
import { DateSchema, listOf, PageQueryShape, TimestampSchema } from './common.js';

export const TriggerSchema = z.enum(['drift', 'cash', 'settings', 'model', 'harvest']);

/** The most households a selection may name (the store reads them in one query). */
export const MAX_RUN_HOUSEHOLDS = 10_000;

/** The earliest run date: the ledger looks back from it, and before year 1 there are no dates. */
export const EARLIEST_RUN_DATE = '1900-01-01';

/** Which households a run rebalances (as `tailor run` selects them). */
export const SelectionSchema = z.discriminatedUnion('kind', [
  strictObject({ kind: z.literal('all') }),
  strictObject({
    kind: z.literal('households'),
    households: z.array(z.string().min(1)).min(1).max(MAX_RUN_HOUSEHOLDS),
  }),
  strictObject({ kind: z.literal('model'), model: z.string().min(1) }),
  strictObject({ kind: z.literal('advisor'), advisor: z.string().min(1) }),
  strictObject({ kind: z.literal('trigger'), trigger: TriggerSchema }),
]);
export type RunSelection = z.infer<typeof SelectionSchema>;

/** `POST /v1/runs` body. */
export const RunStartRequestSchema = strictObject({
  selection: SelectionSchema,
  /** Run date; default the latest price date. */
  asOf: DateSchema.refine(
    (d) => d >= EARLIEST_RUN_DATE,
    `expected a date from ${EARLIEST_RUN_DATE} on; a run needs prices and lots before its date`,
  ).optional(),
  /** Also price every customization (slower: re-solves each household per customization). */
  customizationCosts: z.boolean().optional(),
});
export type RunStartRequest = z.infer<typeof RunStartRequestSchema>;

/** `POST /v1/runs` answer (202): follow it at `/v1/runs/:id/events`. */
export const RunStartedSchema = z.strictObject({ id: z.string() });
export type RunStarted = z.infer<typeof RunStartedSchema>;

/** Book-level figures of a run (src/batch BookTally); means are over accounts. */
export const BookTallySchema = z.strictObject({
  accounts: z.number(),
  accountsTraded: z.number(),
  accountsRelaxed: z.number(),
  accountsInError: z.number(),
  buysUsd: z.number(),
  sellsUsd: z.number(),
  realizedGainsUsd: z.number(),
  estimatedTaxUsd: z.number(),
  meanMaxDriftBefore: z.number(),
  meanMaxDriftAfter: z.number(),
  meanTrackingErrorBefore: z.number(),
  meanTrackingErrorAfter: z.number(),
});
export type BookTally = z.infer<typeof BookTallySchema>;

/** Counts of a run's proposals by status. */
export const RunCountsSchema = z.strictObject({
  householdsSelected: z.number().int(),
  proposalsWritten: z.number().int(),
  proposed: z.number().int(),
  noTrade: z.number().int(),
  gated: z.number().int(),
  errors: z.number().int(),
  trades: z.number().int(),
});
export type RunCounts = z.infer<typeof RunCountsSchema>;

export const RunStatusSchema = z.enum(['running', 'done', 'failed']);

/** A run with its counts and, once finished, its book tally (null until then). */
export const RunViewSchema = z.strictObject({
  id: z.string(),
  asOf: DateSchema,
  status: RunStatusSchema,
  selection: z.record(z.string(), z.unknown()),
  startedBy: z.string(),
  startedAt: TimestampSchema,
  finishedAt: TimestampSchema.nullable(),
  summary: RunCountsSchema,
  book: BookTallySchema.nullable(),
});
export type RunView = z.infer<typeof RunViewSchema>;

export const RunListQuerySchema = z.strictObject({ ...PageQueryShape });
export type RunListQuery = z.input<typeof RunListQuerySchema>;
export const RunListSchema = listOf(RunViewSchema);
export type RunList = z.infer<typeof RunListSchema>;

/** SSE `progress` event data. */
export const RunProgressEventSchema = z.strictObject({
  done: z.number().int(),
  total: z.number().int(),
  gated: z.number().int(),
  errors: z.number().int(),
});
export type RunProgressEvent = z.infer<typeof RunProgressEventSchema>;

/**
 * SSE `done` event data: the run as `GET /v1/runs/:id` answers it, and for a failed run what
 * went wrong. A run this server is not carrying (started elsewhere) answers `done` at once.
 */
export const RunDoneEventSchema = z.strictObject({
  summary: RunViewSchema,
  error: z.string().nullable(),
});
export type RunDoneEvent = z.infer<typeof RunDoneEventSchema>;
