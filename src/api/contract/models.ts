/** Models (`/v1/models`): the latest version of each, a model's versions, new versions. */
import { z } from 'zod';
import { ModelTargetSchema, WEIGHT_SUM_TOLERANCE } from '../../io/model-schema.js';
import { strictObject } from '../../io/strict-object.js';
import { listOf, NoteSchema, PageQueryShape, TimestampSchema } from './common.js';

/** A model id: 1–64 letters, digits, `.`, `_` or `-`. */
export const ModelIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,64}$/, 'use 1–64 letters, digits, ".", "_" or "-"');

/** Targets: securities or sub-models, each once, weights summing to at most 1 (the rest is cash). */
export const ModelTargetsSchema = z
  .array(ModelTargetSchema)
  .max(5000)
  .superRefine((targets, ctx) => {
    const sum = targets.reduce((s, t) => s + t.weight, 0);
    if (sum > 1 + WEIGHT_SUM_TOLERANCE)
      ctx.addIssue({
        code: 'custom',
        message: `the weights sum to ${sum}: a model's weights must sum to at most 1 (the remainder is cash)`,
        params: { code: 'weights_exceed_one' },
      });
    const seen = new Set<string>();
    targets.forEach((t, i) => {
      const key = 'security' in t ? `security ${t.security}` : `model ${t.model}`;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `${key} is listed twice: give it once with the summed weight`,
          params: { code: 'duplicate_target' },
        });
      seen.add(key);
    });
  });

/** `POST /v1/models` body. */
export const ModelCreateRequestSchema = strictObject({
  id: ModelIdSchema,
  name: z.string().max(200).default(''),
  targets: ModelTargetsSchema,
  note: NoteSchema.default(''),
});
export type ModelCreateRequest = z.input<typeof ModelCreateRequestSchema>;

/** `PUT /v1/models/:id` body: the next version. */
export const ModelVersionRequestSchema = strictObject({
  name: z.string().max(200).default(''),
  targets: ModelTargetsSchema,
  note: NoteSchema.default(''),
});
export type ModelVersionRequest = z.input<typeof ModelVersionRequestSchema>;

/** `GET /v1/models` query. */
export const ModelListQuerySchema = z.strictObject({ ...PageQueryShape });
export type ModelListQuery = z.input<typeof ModelListQuerySchema>;

/** One version of a model. */
export const ModelVersionSchema = z.strictObject({
  id: z.string(),
  version: z.number().int(),
  name: z.string(),
  targets: z.array(ModelTargetSchema),
  changedBy: z.string(),
  changedAt: TimestampSchema,
  note: z.string(),
});
export type ModelVersion = z.infer<typeof ModelVersionSchema>;

/** A model in the list: its latest version and how many accounts follow it. */
export const ModelSummarySchema = ModelVersionSchema.extend({ accounts: z.number().int() });
export type ModelSummary = z.infer<typeof ModelSummarySchema>;

export const ModelListSchema = listOf(ModelSummarySchema);
export type ModelList = z.infer<typeof ModelListSchema>;

/** `GET /v1/models/:id`: every version, newest first. */
export const ModelDetailSchema = z.strictObject({
  id: z.string(),
  accounts: z.number().int(),
  versions: z.array(ModelVersionSchema),
});
export type ModelDetail = z.infer<typeof ModelDetailSchema>;
