/**
 * Customization requests: an advisor asks for an account's settings to change; a PM approves
 * (the settings become a new version) or rejects, with a note either way.
 */
import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { AccountSettings } from '../../domain/index.js';
import { accounts } from './households.js';

/** `pending` until a PM decides. */
export type CustomizationRequestStatus = 'pending' | 'approved' | 'rejected';

/** One row per request; decided once. */
export const customizationRequests = pgTable(
  'customization_requests',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    /** The whole settings asked for (they replace the current ones when approved). */
    settings: jsonb('settings').$type<AccountSettings>().notNull(),
    note: text('note').notNull().default(''),
    requestedBy: text('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status').$type<CustomizationRequestStatus>().notNull().default('pending'),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    /** The settings version an approval wrote. */
    settingsVersion: integer('settings_version'),
  },
  (t) => [
    index('customization_requests_status_idx').on(t.status),
    index('customization_requests_account_idx').on(t.accountId),
  ],
);
