/**
 * API tokens: stored as the SHA-256 of the token (shown once, when created), listed and revoked
 * by their owner. Creating and revoking are audit-logged by name, never by token or hash.
 */
import { and, asc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from './open-store.js';
import { apiTokens, auditLog, users } from './schema/index.js';
import type { UserRow } from './users-repo.js';

/** A token as stored (its hash, never the token). */
export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** Records a token (by its hash) for its owner. */
export async function createApiToken(
  db: Db,
  token: { id: string; username: string; name: string; tokenHash: string },
): Promise<ApiTokenRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(apiTokens).values(token).returning();
    await tx.insert(auditLog).values({
      actor: token.username,
      action: 'token.create',
      entity: 'token',
      entityId: token.id,
      detail: { name: token.name },
    });
    return row!;
  });
}

/** A user's tokens, oldest first (there are few per user). */
export async function listApiTokens(db: Db, username: string): Promise<ApiTokenRow[]> {
  return db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.username, username))
    .orderBy(asc(apiTokens.createdAt), asc(apiTokens.id));
}

/** Revokes one of the user's own tokens; false when they have no token with this id. */
export async function revokeApiToken(db: Db, username: string, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(apiTokens)
      .where(and(eq(apiTokens.id, id), eq(apiTokens.username, username)))
      .returning({ name: apiTokens.name });
    if (gone.length === 0) return false;
    await tx.insert(auditLog).values({
      actor: username,
      action: 'token.revoke',
      entity: 'token',
      entityId: id,
      detail: { name: gone[0]!.name },
    });
    return true;
  });
}

/** The token with this hash and its (enabled) owner, or undefined. */
export async function findApiToken(
  db: Db,
  tokenHash: string,
): Promise<{ token: ApiTokenRow; user: UserRow } | undefined> {
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.username, apiTokens.username))
    .where(and(eq(apiTokens.tokenHash, tokenHash), eq(users.disabled, false)));
  return row;
}

/**
 * Notes that a token was used at `now`, at most once a minute per token: a script calling in a
 * loop should not turn every read into a write.
 */
export async function touchApiToken(db: Db, id: string, now: Date): Promise<void> {
  const aMinuteAgo = new Date(now.getTime() - 60_000);
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.id, id),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, aMinuteAgo)),
      ),
    );
}
