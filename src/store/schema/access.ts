/**
 * Who may use the API: users (a role, and for advisors the advisor name whose households they
 * see), browser sessions and API tokens. Secrets are never stored: a password as its scrypt
 * hash, a session cookie and an API token as their SHA-256.
 */
import { boolean, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** The roles of docs/api.md. */
export type UserRole = 'admin' | 'pm' | 'trader' | 'advisor' | 'viewer';

/** One row per login. */
export const users = pgTable('users', {
  username: text('username').primaryKey(),
  role: text('role').$type<UserRole>().notNull(),
  /** For the `advisor` role: the `households.advisor` name whose households the user sees. */
  advisor: text('advisor'),
  /** `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` (base64url). */
  passwordHash: text('password_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  disabled: boolean('disabled').notNull().default(false),
});

/** Browser sessions, 12 hours each. */
export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 (hex) of the cookie value: a leaked table cannot be replayed as cookies. */
    id: text('id').primaryKey(),
    username: text('username')
      .notNull()
      .references(() => users.username),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_username_idx').on(t.username)],
);

/** API tokens of scripts, by owner. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    username: text('username')
      .notNull()
      .references(() => users.username),
    name: text('name').notNull(),
    /** SHA-256 (hex) of the token, which is shown once and never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_username_idx').on(t.username)],
);
