/** `GET /v1/audit`: the append-only audit log, newest first, a page at a time. */
import type { z } from 'zod';
import { auditPage } from '../../store/index.js';
import type { AuditPage, AuditQuerySchema } from '../contract/index.js';
import { ok, type Reply } from '../reply.js';
import type { RouteContext } from '../route-types.js';

/** `GET /v1/audit`. */
export async function auditHandler(
  ctx: RouteContext<z.output<typeof AuditQuerySchema>, undefined>,
): Promise<Reply> {
  const q = ctx.query;
  const page = await auditPage(ctx.state.store.db, {
    limit: q.limit,
    ...(q.actor !== undefined ? { actor: q.actor } : {}),
    ...(q.entity !== undefined ? { entity: q.entity } : {}),
    ...(q.entityId !== undefined ? { entityId: q.entityId } : {}),
    ...(q.before !== undefined ? { before: q.before } : {}),
  });
  const out: AuditPage = {
    items: page.items.map((e) => ({ ...e, at: e.at.toISOString() })),
    total: page.total,
    nextBefore: page.nextBefore,
  };
  return ok(out);
}
