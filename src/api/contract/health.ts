/** `GET /healthz`: the server is up, and which version it runs. */
import { z } from 'zod';

export const HealthSchema = z.strictObject({ ok: z.literal(true), version: z.string() });
export type Health = z.infer<typeof HealthSchema>;
