/**
 * Versioned writes: a model or an account's settings changes by adding a version (who, when,
 * why), never by editing one, and each change is in the audit log.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { AccountSettings, ModelTarget } from '../domain/index.js';
import type { Db } from './open-store.js';
import { accountSettings, auditLog, models } from './schema/index.js';

/** Adds version n+1 of model `id` (1 if new); returns the version written. */
export async function saveModelVersion(
  db: Db,
  id: string,
  targets: ModelTarget[],
  actor: string,
  note = '',
): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ v: sql<number>`coalesce(max(${models.version}), 0)::int` })
      .from(models)
      .where(eq(models.id, id));
    const version = (row?.v ?? 0) + 1;
    await tx.insert(models).values({ id, version, targets, changedBy: actor, note });
    await tx.insert(auditLog).values({
      actor,
      action: 'model.version',
      entity: 'model',
      entityId: id,
      detail: { version, note },
    });
    return version;
  });
}

/** Adds version n+1 of an account's settings; returns the version written. */
export async function saveAccountSettings(
  db: Db,
  accountId: string,
  settings: AccountSettings,
  actor: string,
  note = '',
): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ v: sql<number>`coalesce(max(${accountSettings.version}), 0)::int` })
      .from(accountSettings)
      .where(eq(accountSettings.accountId, accountId));
    const version = (row?.v ?? 0) + 1;
    await tx
      .insert(accountSettings)
      .values({ accountId, version, settings, changedBy: actor, note });
    await tx.insert(auditLog).values({
      actor,
      action: 'settings.version',
      entity: 'account',
      entityId: accountId,
      detail: { version, note },
    });
    return version;
  });
}

/** The settings history of an account, newest first. */
export async function settingsHistory(db: Db, accountId: string) {
  return db
    .select()
    .from(accountSettings)
    .where(eq(accountSettings.accountId, accountId))
    .orderBy(desc(accountSettings.version));
}

/** One version of a model (the latest when `version` is omitted), or undefined. */
export async function modelVersion(db: Db, id: string, version?: number) {
  const rows = await db
    .select()
    .from(models)
    .where(
      version === undefined
        ? eq(models.id, id)
        : and(eq(models.id, id), eq(models.version, version)),
    )
    .orderBy(desc(models.version))
    .limit(1);
  return rows[0];
}
