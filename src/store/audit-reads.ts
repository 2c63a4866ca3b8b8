/**
 * The audit log, newest first, a page at a time: keyset pagination on the entry id (`before`),
 * so reading page 500 of a long log costs what reading page 1 does.
 */
import { and, count, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Db } from './open-store.js';
import { auditLog } from './schema/index.js';

/** An audit-log entry. */
export type AuditRow = typeof auditLog.$inferSelect;

/** Which entries, and which page. */
export interface AuditQuery {
  actor?: string;
  entity?: string;
  entityId?: string;
  /** Entries with an id below this (the previous page's `nextBefore`). */
  before?: number;
  limit: number;
}

/** A page of entries, how many match in all, and the cursor of the next page (null: last). */
export async function auditPage(
  db: Db,
  q: AuditQuery,
): Promise<{ items: AuditRow[]; total: number; nextBefore: number | null }> {
  const where: SQL[] = [];
  if (q.actor !== undefined) where.push(eq(auditLog.actor, q.actor));
  if (q.entity !== undefined) where.push(eq(auditLog.entity, q.entity));
  if (q.entityId !== undefined) where.push(eq(auditLog.entityId, q.entityId));
  const matching = where.length ? and(...where) : undefined;
  const page = q.before === undefined ? matching : and(matching, lt(auditLog.id, q.before));
  const items = await db
    .select()
    .from(auditLog)
    .where(page)
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1);
  const [total] = await db.select({ n: count() }).from(auditLog).where(matching);
  const more = items.length > q.limit;
  const shown = more ? items.slice(0, q.limit) : items;
  return { items: shown, total: total?.n ?? 0, nextBefore: more ? shown.at(-1)!.id : null };
}
