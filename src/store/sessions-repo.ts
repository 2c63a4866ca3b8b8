/**
 * Browser sessions. A session is found by the SHA-256 of its cookie (the cookie itself is never
 * stored), only while it has not expired and its user is not disabled. Logins and logouts are
 * audit-logged; the session id, being a credential's hash, is not.
 */
import { and, eq, gt, lte } from 'drizzle-orm';
import type { Db } from './open-store.js';
import { auditLog, sessions, users } from './schema/index.js';
import type { UserRow } from './users-repo.js';

/** A session as stored (its id is the cookie's hash). */
export type SessionRow = typeof sessions.$inferSelect;

/** Records a new session for a user who just logged in. */
export async function createSession(
  db: Db,
  session: { id: string; username: string; csrfToken: string; expiresAt: Date },
  detail: { address: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values(session);
    await tx.insert(auditLog).values({
      actor: session.username,
      action: 'session.login',
      entity: 'user',
      entityId: session.username,
      detail: { address: detail.address, expiresAt: session.expiresAt.toISOString() },
    });
  });
}

/** The live session with this id and its (enabled) user, or undefined. */
export async function findSession(
  db: Db,
  id: string,
  now: Date,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.username, sessions.username))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), eq(users.disabled, false)));
  return row;
}

/** Ends a session (logout); false when there was none. */
export async function deleteSession(db: Db, id: string, actor: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(sessions)
      .where(eq(sessions.id, id))
      .returning({ username: sessions.username });
    if (gone.length === 0) return false;
    await tx.insert(auditLog).values({
      actor,
      action: 'session.logout',
      entity: 'user',
      entityId: gone[0]!.username,
      detail: {},
    });
    return true;
  });
}

/** Deletes sessions that expired before `now` (housekeeping; they could not be used anyway). */
export async function purgeExpiredSessions(db: Db, now: Date): Promise<number> {
  const gone = await db
    .delete(sessions)
    .where(lte(sessions.expiresAt, now))
    .returning({ id: sessions.id });
  return gone.length;
}
