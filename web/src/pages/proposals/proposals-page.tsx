/**
 * `/proposals`: the approval queue. Filter by run, status and household (kept in the URL);
 * expand a proposal for its trades and their reasons; select many and approve them in bulk
 * with a note. Each approval re-checks staleness on the server, so some may be refused.
 */
import { useEffect, useState } from 'react';
import { listProposals } from '../../api/proposals-api';
import type { ProposalStatus } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { DataTable } from '../../components/data-table/data-table';
import { ErrorBanner } from '../../components/error-banner';
import { PageHeader } from '../../components/page-header';
import { useResource } from '../../hooks/use-resource';
import { useLocation } from '../../router/history';
import { BulkApproveBar } from './bulk-approve-bar';
import { ProposalDetailView } from './proposal-detail-view';
import { ProposalFilters } from './proposal-filters';
import { proposalColumns } from './proposal-columns';

/** The approval queue. */
export function ProposalsPage() {
  const { can } = useSession();
  const { query } = useLocation();
  // The queue's purpose is deciding, so it opens on what is waiting; `all` lifts the filter.
  const status = query.get('status') ?? 'proposed';
  const filter = {
    run: query.get('run') ?? '',
    status: status === 'all' ? undefined : (status as ProposalStatus),
    household: query.get('household') ?? '',
  };
  const key = `${filter.run}|${status}|${filter.household}`;
  const list = useResource(
    () =>
      listProposals({
        run: filter.run || undefined,
        status: filter.status,
        household: filter.household || undefined,
      }),
    key,
  );
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const decide = can('decideProposals');

  // A selection made under another filter would approve rows no longer on screen.
  useEffect(() => setSelected(new Set()), [key]);

  const changed = (): void => {
    setSelected(new Set());
    list.reload();
  };
  return (
    <>
      <PageHeader title="Approval queue" />
      <ProposalFilters run={filter.run} status={status} household={filter.household} />
      <ErrorBanner error={list.error} />
      <DataTable
        rows={list.data?.items}
        total={list.data?.total}
        loading={list.loading}
        columns={proposalColumns}
        rowKey={(p) => p.id}
        rowTestId={(p) => `proposal-row-${p.id}`}
        testId="proposals-table"
        initialSort={{ key: 'household', dir: 'asc' }}
        empty="No proposals match."
        selected={decide ? selected : undefined}
        onSelect={decide ? setSelected : undefined}
        canSelect={(p) => p.status === 'proposed'}
        toolbar={decide && <BulkApproveBar ids={[...selected]} onDone={changed} />}
        renderExpanded={(p) => <ProposalDetailView id={p.id} onDecided={changed} />}
      />
    </>
  );
}
