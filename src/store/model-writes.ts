/**
 * Models for people: the latest version of each (with how many accounts follow it), one model's
 * versions, and new models and versions — with their name, checked against the securities and
 * models they reference, and audit-logged.
 */
import { asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ModelTarget, Problem } from '../domain/index.js';
import { rowsOf } from './market-snapshot.js';
import { latestModels } from './model-weights.js';
import type { Db } from './open-store.js';
import { accounts, auditLog, models, securities } from './schema/index.js';

/** One version of a model as stored. */
export type ModelRow = typeof models.$inferSelect;

/** A page of models (latest version each), by id, with the number of accounts on each. */
export async function listModelPage(
  db: Db,
  page: { limit: number; offset: number },
): Promise<{ items: (ModelRow & { accounts: number })[]; total: number }> {
  const items = rowsOf<ModelRow & { accounts: number }>(
    await db.execute(sql`
      SELECT m.id, m.version, m.name, m.targets, m.changed_by AS "changedBy",
             m.changed_at AS "changedAt", m.note,
             (SELECT count(*) FROM accounts a WHERE a.model_id = m.id)::int AS accounts
      FROM (SELECT DISTINCT ON (id) * FROM models ORDER BY id, version DESC) m
      ORDER BY m.id LIMIT ${page.limit} OFFSET ${page.offset}`),
  );
  const [total] = rowsOf<{ n: number }>(
    await db.execute(sql`SELECT count(DISTINCT id)::int AS n FROM models`),
  );
  return {
    items: items.map((m) => ({
      ...m,
      changedAt: new Date(m.changedAt),
      accounts: Number(m.accounts),
    })),
    total: Number(total?.n ?? 0),
  };
}

/** Every version of a model, newest first (empty: no such model), and its account count. */
export async function modelVersions(
  db: Db,
  id: string,
): Promise<{ versions: ModelRow[]; accounts: number }> {
  const versions = await db
    .select()
    .from(models)
    .where(eq(models.id, id))
    .orderBy(desc(models.version));
  const [n] = await db.select({ n: count() }).from(accounts).where(eq(accounts.modelId, id));
  return { versions, accounts: n?.n ?? 0 };
}

/**
 * Problems with model `id`'s targets: unknown securities or sub-models, or a sub-model that
 * (through its own sub-models) holds `id` — paths relative to the request's `targets`.
 */
export async function checkModelTargets(
  db: Db,
  id: string,
  targets: readonly ModelTarget[],
): Promise<Problem[]> {
  const secIds = targets.flatMap((t) => ('security' in t ? [t.security] : []));
  const known = new Set(
    secIds.length
      ? (
          await db
            .select({ id: securities.id })
            .from(securities)
            .where(inArray(securities.id, [...new Set(secIds)]))
        ).map((s) => s.id)
      : [],
  );
  const all = await latestModels(db);
  const problems: Problem[] = [];
  const reaches = (from: string, seen = new Set<string>()): boolean => {
    if (from === id) return true;
    if (seen.has(from)) return false;
    seen.add(from);
    return (all.get(from)?.targets ?? []).some((t) => 'model' in t && reaches(t.model, seen));
  };
  targets.forEach((t, i) => {
    if ('security' in t && !known.has(t.security))
      problems.push({
        path: ['targets', i, 'security'],
        code: 'unknown_reference',
        message: `no security "${t.security}": name a security in the store`,
      });
    if ('model' in t && !all.has(t.model))
      problems.push({
        path: ['targets', i, 'model'],
        code: 'unknown_reference',
        message: `no model "${t.model}": create it first`,
      });
    else if ('model' in t && reaches(t.model))
      problems.push({
        path: ['targets', i, 'model'],
        code: 'model_cycle',
        message: `model "${t.model}" holds "${id}", so "${id}" cannot hold it`,
      });
  });
  return problems;
}

/**
 * Writes version n+1 of model `id` (1: a new model). With `create`, refuses (returns undefined)
 * when the model already exists.
 */
export async function writeModelVersion(
  db: Db,
  m: { id: string; name: string; targets: ModelTarget[]; note: string },
  actor: string,
  create: boolean,
): Promise<number | undefined> {
  return db.transaction(async (tx) => {
    // One writer per model at a time: the version number is read, then written.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`model:${m.id}`}))`);
    const [row] = await tx
      .select({ v: sql<number>`coalesce(max(${models.version}), 0)::int` })
      .from(models)
      .where(eq(models.id, m.id));
    const current = Number(row?.v ?? 0);
    if (create && current > 0) return undefined;
    const version = current + 1;
    await tx.insert(models).values({ ...m, version, changedBy: actor });
    await tx.insert(auditLog).values({
      actor,
      action: create ? 'model.create' : 'model.version',
      entity: 'model',
      entityId: m.id,
      detail: { version, name: m.name, note: m.note, targets: m.targets.length },
    });
    return version;
  });
}

/** Whether a model exists (any version). */
export async function modelExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: models.id })
    .from(models)
    .where(eq(models.id, id))
    .orderBy(asc(models.version))
    .limit(1);
  return row !== undefined;
}
