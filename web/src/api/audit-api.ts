/** Audit log calls. */
import { get } from './client';
import type { AuditPage, AuditQuery } from './types';

/** One page of audit entries, newest first; `nextBefore` fetches the page after. */
export const listAudit = (q: AuditQuery): Promise<AuditPage> =>
  get<AuditPage>('/v1/audit', { limit: 200, ...q });
