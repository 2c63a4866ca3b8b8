/**
 * `/audit`: the append-only audit log, newest first, filtered by actor, entity and entity id
 * (kept in the URL). Older entries load a page at a time.
 */
import { useEffect, useState } from 'react';
import { listAudit } from '../../api/audit-api';
import type { AuditEntry } from '../../api/types';
import { DataTable } from '../../components/data-table/data-table';
import { ErrorBanner } from '../../components/error-banner';
import { PageHeader } from '../../components/page-header';
import { useAction } from '../../hooks/use-action';
import { useResource } from '../../hooks/use-resource';
import { useLocation } from '../../router/history';
import { AUDIT_COLUMNS } from './audit-columns';
import { AuditFilters } from './audit-filters';

/** The audit log. */
export function AuditPage() {
  const { query } = useLocation();
  const filter = {
    actor: query.get('actor') || undefined,
    entity: query.get('entity') || undefined,
    entityId: query.get('entityId') || undefined,
  };
  const key = `${filter.actor}|${filter.entity}|${filter.entityId}`;
  const first = useResource(() => listAudit(filter), key);
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null>(null);

  // A new first page (new filter) starts the list over.
  useEffect(() => {
    setOlder([]);
    setNext(first.data?.nextBefore ?? null);
  }, [first.data]);

  const more = useAction(async () => {
    if (next === null) return;
    const page = await listAudit({ ...filter, before: next });
    setOlder((o) => [...o, ...page.items]);
    setNext(page.nextBefore);
  });
  const rows = first.data && [...first.data.items, ...older];
  return (
    <>
      <PageHeader title="Audit log" />
      <AuditFilters actor={filter.actor} entity={filter.entity} entityId={filter.entityId} />
      <ErrorBanner error={first.error ?? more.error} />
      <DataTable
        rows={rows}
        loading={first.loading}
        columns={AUDIT_COLUMNS}
        rowKey={(e) => `${e.id}`}
        rowTestId={(e) => `audit-row-${e.id}`}
        testId="audit-table"
        empty="No audit entries match."
        toolbar={first.data && <span className="muted">{first.data.total} entries match</span>}
      />
      {next !== null && (
        <button
          type="button"
          disabled={more.busy}
          onClick={() => void more.run()}
          data-testid="audit-more"
        >
          Load older entries
        </button>
      )}
    </>
  );
}
