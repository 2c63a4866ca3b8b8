/**
 * Users of the API: created, listed, changed — each change audit-logged with who made it (never
 * the password or its hash). Disabling a user or changing their password ends their sessions.
 */
import { asc, count, eq } from 'drizzle-orm';
import type { Db } from './open-store.js';
import { auditLog, sessions, users, type UserRole } from './schema/index.js';

/** A user as stored (with the password hash: never answer it). */
export type UserRow = typeof users.$inferSelect;

/** A user to create; the password already hashed. */
export interface NewUser {
  username: string;
  role: UserRole;
  advisor: string | null;
  passwordHash: string;
}

/** What can change about a user; a new password arrives already hashed. */
export interface UserPatch {
  role?: UserRole;
  advisor?: string | null;
  passwordHash?: string;
  disabled?: boolean;
}

/** One user, or undefined. */
export async function getUser(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

/** Creates a user; false (nothing written) when the username is taken. */
export async function createUser(db: Db, user: NewUser, actor: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const made = await tx
      .insert(users)
      .values(user)
      .onConflictDoNothing({ target: users.username })
      .returning({ username: users.username });
    if (made.length === 0) return false;
    await tx.insert(auditLog).values({
      actor,
      action: 'user.create',
      entity: 'user',
      entityId: user.username,
      detail: { role: user.role, advisor: user.advisor },
    });
    return true;
  });
}

/** Users by name, a page at a time, with how many there are. */
export async function listUsers(
  db: Db,
  page: { limit: number; offset: number },
): Promise<{ items: UserRow[]; total: number }> {
  const items = await db
    .select()
    .from(users)
    .orderBy(asc(users.username))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(users);
  return { items, total: total?.n ?? 0 };
}

/** Applies `patch`; undefined when there is no such user. */
export async function updateUser(
  db: Db,
  username: string,
  patch: UserPatch,
  actor: string,
): Promise<UserRow | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(users).set(patch).where(eq(users.username, username)).returning();
    if (!row) return undefined;
    // A disabled user, or one whose password changed, must log in again everywhere.
    if (patch.disabled === true || patch.passwordHash !== undefined)
      await tx.delete(sessions).where(eq(sessions.username, username));
    await tx.insert(auditLog).values({
      actor,
      action: 'user.update',
      entity: 'user',
      entityId: username,
      detail: {
        ...(patch.role !== undefined ? { role: patch.role } : {}),
        ...(patch.advisor !== undefined ? { advisor: patch.advisor } : {}),
        ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
        passwordChanged: patch.passwordHash !== undefined,
      },
    });
    return row;
  });
}
