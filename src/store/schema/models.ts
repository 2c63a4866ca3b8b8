/**
 * Models, versioned: a change writes a new version and never edits an old one, so every
 * proposal can name the exact targets it was made against.
 */
import { integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { ModelTarget } from '../../domain/index.js';

export const models = pgTable(
  'models',
  {
    id: text('id').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull().default(''),
    targets: jsonb('targets').$type<ModelTarget[]>().notNull(),
    changedBy: text('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    note: text('note').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] })],
);
