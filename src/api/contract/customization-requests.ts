/** Customization requests (`/v1/customization-requests`): an advisor asks, a PM decides. */
import { z } from 'zod';
import { AccountSettingsSchema } from '../../io/account-settings-schema.js';
import { strictObject } from '../../io/strict-object.js';
import { listOf, NoteSchema, PageQueryShape, TimestampSchema } from './common.js';

export const CustomizationRequestStatusSchema = z.enum(['pending', 'approved', 'rejected']);
export type CustomizationRequestStatus = z.infer<typeof CustomizationRequestStatusSchema>;

/** `POST /v1/customization-requests` body: the account's whole requested settings, and why. */
export const CustomizationRequestCreateSchema = strictObject({
  account: z.string().min(1),
  settings: AccountSettingsSchema,
  note: NoteSchema.default(''),
});
export type CustomizationRequestCreate = z.input<typeof CustomizationRequestCreateSchema>;

/** `GET /v1/customization-requests` query (advisors see their households' only). */
export const CustomizationRequestListQuerySchema = z.strictObject({
  status: CustomizationRequestStatusSchema.optional(),
  account: z.string().min(1).optional(),
  household: z.string().min(1).optional(),
  ...PageQueryShape,
});
export type CustomizationRequestListQuery = z.input<typeof CustomizationRequestListQuerySchema>;

/** A request and, once decided, the decision. */
export const CustomizationRequestSchema = z.strictObject({
  id: z.string(),
  accountId: z.string(),
  householdId: z.string(),
  settings: AccountSettingsSchema,
  note: z.string(),
  requestedBy: z.string(),
  requestedAt: TimestampSchema,
  status: CustomizationRequestStatusSchema,
  decidedBy: z.string().nullable(),
  decidedAt: TimestampSchema.nullable(),
  decisionNote: z.string().nullable(),
  /** The settings version an approval wrote; null otherwise. */
  settingsVersion: z.number().int().nullable(),
});
export type CustomizationRequest = z.infer<typeof CustomizationRequestSchema>;

export const CustomizationRequestListSchema = listOf(CustomizationRequestSchema);
export type CustomizationRequestList = z.infer<typeof CustomizationRequestListSchema>;

/** `POST …/:id/approve` and `…/reject` body; a rejection needs a note saying why. */
export const DecisionNoteSchema = strictObject({ note: NoteSchema.default('') });
export type DecisionNote = z.input<typeof DecisionNoteSchema>;
export const RejectionNoteSchema = strictObject({
  note: NoteSchema.refine((n) => n.trim() !== '', 'a rejection needs a note saying why'),
});
export type RejectionNote = z.input<typeof RejectionNoteSchema>;
