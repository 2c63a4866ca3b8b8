/**
 * Customization requests: an advisor asks for an account's settings to change; a PM approves —
 * the settings become the account's next version, in the same transaction — or rejects. Each
 * step is audit-logged; a request is decided once.
 */
import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { AccountSettings } from '../domain/index.js';
import type { Db } from './open-store.js';
import {
  accounts,
  auditLog,
  customizationRequests,
  households,
  type CustomizationRequestStatus,
} from './schema/index.js';
import { saveAccountSettings } from './versions.js';

/** A request with its account's household. */
export type CustomizationRequestRow = typeof customizationRequests.$inferSelect & {
  householdId: string;
};

/** Which requests, and which page. */
export interface CustomizationRequestQuery {
  status?: CustomizationRequestStatus;
  accountId?: string;
  householdId?: string;
  /** Only this advisor's households. */
  advisor?: string;
  limit: number;
  offset: number;
}

const withHousehold = { request: customizationRequests, householdId: accounts.householdId };

/** Records a request (pending). */
export async function createCustomizationRequest(
  db: Db,
  r: { accountId: string; settings: AccountSettings; note: string },
  actor: string,
): Promise<CustomizationRequestRow> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(customizationRequests).values({ id, ...r, requestedBy: actor });
    await tx.insert(auditLog).values({
      actor,
      action: 'customization.request',
      entity: 'account',
      entityId: r.accountId,
      detail: { request: id, note: r.note },
    });
  });
  return (await getCustomizationRequest(db, id))!;
}

function filterOf(q: Omit<CustomizationRequestQuery, 'limit' | 'offset'>): SQL | undefined {
  const where: SQL[] = [];
  if (q.status !== undefined) where.push(eq(customizationRequests.status, q.status));
  if (q.accountId !== undefined) where.push(eq(customizationRequests.accountId, q.accountId));
  if (q.householdId !== undefined) where.push(eq(accounts.householdId, q.householdId));
  if (q.advisor !== undefined) where.push(eq(households.advisor, q.advisor));
  return where.length ? and(...where) : undefined;
}

/** A page of requests, newest first. */
export async function listCustomizationRequests(
  db: Db,
  q: CustomizationRequestQuery,
): Promise<{ items: CustomizationRequestRow[]; total: number }> {
  const where = filterOf(q);
  const rows = await db
    .select(withHousehold)
    .from(customizationRequests)
    .innerJoin(accounts, eq(accounts.id, customizationRequests.accountId))
    .innerJoin(households, eq(households.id, accounts.householdId))
    .where(where)
    .orderBy(desc(customizationRequests.requestedAt), desc(customizationRequests.id))
    .limit(q.limit)
    .offset(q.offset);
  const [total] = await db
    .select({ n: count() })
    .from(customizationRequests)
    .innerJoin(accounts, eq(accounts.id, customizationRequests.accountId))
    .innerJoin(households, eq(households.id, accounts.householdId))
    .where(where);
  return {
    items: rows.map((r) => ({ ...r.request, householdId: r.householdId })),
    total: total?.n ?? 0,
  };
}

/** One request (undefined when missing, or not in the given advisor's households). */
export async function getCustomizationRequest(
  db: Db,
  id: string,
  advisor?: string,
): Promise<CustomizationRequestRow | undefined> {
  const [row] = await db
    .select({ ...withHousehold, advisor: households.advisor })
    .from(customizationRequests)
    .innerJoin(accounts, eq(accounts.id, customizationRequests.accountId))
    .innerJoin(households, eq(households.id, accounts.householdId))
    .where(eq(customizationRequests.id, id));
  if (!row || (advisor !== undefined && row.advisor !== advisor)) return undefined;
  return { ...row.request, householdId: row.householdId };
}

/** The outcome of a decision: done, or why not (nothing written). */
export type CustomizationDecision =
  | { ok: true; request: CustomizationRequestRow }
  | { ok: false; code: 'notFound' | 'notPending'; why: string };

/** Approves (writing the settings as a new version) or rejects a pending request. */
export async function decideCustomizationRequest(
  db: Db,
  id: string,
  decision: 'approved' | 'rejected',
  actor: string,
  note: string,
): Promise<CustomizationDecision> {
  const outcome = await db.transaction(async (tx): Promise<CustomizationDecision | undefined> => {
    const [r] = await tx
      .select()
      .from(customizationRequests)
      .where(eq(customizationRequests.id, id))
      .for('update');
    if (!r) return { ok: false, code: 'notFound', why: `no customization request ${id}` };
    if (r.status !== 'pending')
      return {
        ok: false,
        code: 'notPending',
        why: `customization request ${id} was already ${r.status} by ${r.decidedBy ?? '?'}; ask for a new one`,
      };
    const version =
      decision === 'approved'
        ? await saveAccountSettings(
            tx as unknown as Db,
            r.accountId,
            r.settings,
            actor,
            note || `customization request ${id}`,
          )
        : null;
    await tx
      .update(customizationRequests)
      .set({
        status: decision,
        decidedBy: actor,
        decidedAt: new Date(),
        decisionNote: note,
        settingsVersion: version,
      })
      .where(eq(customizationRequests.id, id));
    await tx.insert(auditLog).values({
      actor,
      action: decision === 'approved' ? 'customization.approve' : 'customization.reject',
      entity: 'account',
      entityId: r.accountId,
      detail: { request: id, note, ...(version === null ? {} : { version }) },
    });
    return undefined;
  });
  if (outcome) return outcome;
  return { ok: true, request: (await getCustomizationRequest(db, id))! };
}
