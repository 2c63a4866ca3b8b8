/** Proposals (`/v1/proposals`): list, one with its trades, approve and reject. */
import { z } from 'zod';
import { RebalanceResponseSchema } from '../../io/rebalance-response-schema.js';
import { strictObject } from '../../io/strict-object.js';
import { PROPOSAL_STATUSES } from '../../domain/proposal-status.js';
import { DateSchema, listOf, NoteSchema, PageQueryShape, TimestampSchema } from './common.js';

export const ProposalStatusSchema = z.enum(PROPOSAL_STATUSES);
export type ProposalStatus = z.infer<typeof ProposalStatusSchema>;

/** `GET /v1/proposals` query; `run=latest` means the latest run. */
export const ProposalListQuerySchema = z.strictObject({
  run: z.string().min(1).optional(),
  status: ProposalStatusSchema.optional(),
  household: z.string().min(1).optional(),
  ...PageQueryShape,
});
export type ProposalListQuery = z.input<typeof ProposalListQuerySchema>;

/** A proposal in the list (newest first, then by household). */
export const ProposalSummarySchema = z.strictObject({
  id: z.string(),
  runId: z.string(),
  householdId: z.string(),
  householdName: z.string(),
  advisor: z.string(),
  status: ProposalStatusSchema,
  trades: z.number().int(),
  /** Sum of the accounts' estimated tax (negative: harvested losses save tax). */
  estimatedTaxUsd: z.number(),
  /** Settings that gave way, as `account: setting`. */
  relaxed: z.array(z.string()),
  /** Why a gated or failed household was not traded. */
  reason: z.string().nullable(),
  createdAt: TimestampSchema,
});
export type ProposalSummary = z.infer<typeof ProposalSummarySchema>;

export const ProposalListSchema = listOf(ProposalSummarySchema);
export type ProposalList = z.infer<typeof ProposalListSchema>;

/** A proposed trade as stored (the response's trade, with its id and account). */
export const ProposalTradeSchema = z.strictObject({
  id: z.string(),
  accountId: z.string(),
  securityId: z.string(),
  side: z.enum(['buy', 'sell']),
  quantity: z.number(),
  priceUsd: z.number(),
  valueUsd: z.number(),
  reasons: z.array(z.string()),
});
export type ProposalTrade = z.infer<typeof ProposalTradeSchema>;

/** A decision taken on a proposal. */
export const ProposalDecisionSchema = z.strictObject({
  decision: z.enum(['approved', 'rejected']),
  decidedBy: z.string(),
  decidedAt: TimestampSchema,
  note: z.string(),
});

/** `GET /v1/proposals/:id`: the proposal, its trades and reasons, the engine's response. */
export const ProposalDetailSchema = ProposalSummarySchema.extend({
  runAsOf: DateSchema,
  inputHash: z.string(),
  tradeList: z.array(ProposalTradeSchema),
  decisions: z.array(ProposalDecisionSchema),
  /** The rebalance response (interchange §2); null for a gated household. */
  response: RebalanceResponseSchema.nullable(),
});
export type ProposalDetail = z.infer<typeof ProposalDetailSchema>;

/** `POST /v1/proposals/:id/approve` body. */
export const ApproveRequestSchema = strictObject({ note: NoteSchema.default('') });
export type ApproveRequest = z.input<typeof ApproveRequestSchema>;

/** `POST /v1/proposals/:id/reject` body: a rejection needs a note. */
export const RejectRequestSchema = strictObject({
  note: NoteSchema.refine((n) => n.trim() !== '', 'a rejection needs a note saying why'),
});
export type RejectRequest = z.input<typeof RejectRequestSchema>;

/** A decision recorded. */
export const DecisionDoneSchema = z.strictObject({
  proposalId: z.string(),
  householdId: z.string(),
  status: z.enum(['approved', 'rejected']),
  decidedBy: z.string(),
  decidedAt: TimestampSchema,
  note: z.string(),
});
export type DecisionDone = z.infer<typeof DecisionDoneSchema>;

/** Why a decision was refused: `stale` (re-run), `busy` (another live proposal), … */
export const DecisionRefusalCodeSchema = z.enum([
  'notFound',
  'notProposed',
  'stale',
  'busy',
  'noNote',
]);

/** `POST /v1/proposals/approve` body: up to 1,000 ids. */
export const BulkApproveRequestSchema = strictObject({
  ids: z.array(z.string().min(1)).min(1).max(1000),
  note: NoteSchema.default(''),
});
export type BulkApproveRequest = z.input<typeof BulkApproveRequestSchema>;

/** Per id, in input order: approved, or refused with the reason. */
export const BulkApproveResponseSchema = z.strictObject({
  items: z.array(
    z.discriminatedUnion('ok', [
      DecisionDoneSchema.extend({ ok: z.literal(true) }),
      z.strictObject({
        ok: z.literal(false),
        proposalId: z.string(),
        code: DecisionRefusalCodeSchema,
        reason: z.string(),
      }),
    ]),
  ),
  approved: z.number().int(),
  refused: z.number().int(),
});
export type BulkApproveResponse = z.infer<typeof BulkApproveResponseSchema>;
