/**
 * `/customization-requests`: requested settings changes. Portfolio managers approve (which
 * writes a new settings version) or reject them with a note; advisors see their own.
 */
import { listCustomizationRequests } from '../../api/book-api';
import type { CustomizationRequest, CustomizationRequestStatus } from '../../api/types';
import { useSession } from '../../auth/session-context';
import type { Column } from '../../components/data-table/column';
import { DataTable } from '../../components/data-table/data-table';
import { ErrorBanner } from '../../components/error-banner';
import { PageHeader } from '../../components/page-header';
import { StatusBadge } from '../../components/status-badge';
import { useResource } from '../../hooks/use-resource';
import { setQuery, useLocation } from '../../router/history';
import { Link } from '../../router/link';
import { href } from '../../router/match';
import { summarizeSettings } from '../account/summarize-settings';
import { RequestDecision } from './request-decision';

const COLUMNS: Column<CustomizationRequest>[] = [
  { key: 'at', header: 'Requested', value: (r) => r.requestedAt, format: 'dateTime' },
  { key: 'by', header: 'By', value: (r) => r.requestedBy },
  {
    key: 'account',
    header: 'Account',
    value: (r) => r.accountId,
    render: (r) => <Link to={href('/accounts', r.accountId)}>{r.accountId}</Link>,
  },
  {
    key: 'household',
    header: 'Household',
    value: (r) => r.householdId,
    render: (r) => <Link to={href('/households', r.householdId)}>{r.householdId}</Link>,
  },
  { key: 'note', header: 'Note', wrap: true, value: (r) => r.note },
  {
    key: 'status',
    header: 'Status',
    value: (r) => r.status,
    render: (r) => <StatusBadge status={r.status} />,
  },
  { key: 'decided', header: 'Decided by', value: (r) => r.decidedBy },
  { key: 'version', header: 'Settings version', value: (r) => r.settingsVersion, format: 'count' },
];

/** The requests page. */
export function CustomizationRequestsPage() {
  const { can } = useSession();
  const { query } = useLocation();
  // Pending requests are the work to do; `all` lifts the filter.
  const status = query.get('status') ?? 'pending';
  const list = useResource(
    () =>
      listCustomizationRequests(
        status === 'all' ? {} : { status: status as CustomizationRequestStatus },
      ),
    status,
  );
  return (
    <>
      <PageHeader title="Customization requests" />
      <div className="filters">
        <label className="field">
          <span>Status</span>
          <select
            value={status}
            onChange={(e) => setQuery({ status: e.target.value })}
            data-testid="requests-status"
          >
            <option value="pending">pending</option>
            <option value="approved">approved</option>
            <option value="rejected">rejected</option>
            <option value="all">any status</option>
          </select>
        </label>
      </div>
      <ErrorBanner error={list.error} />
      <DataTable
        rows={list.data?.items}
        total={list.data?.total}
        loading={list.loading}
        columns={COLUMNS}
        rowKey={(r) => r.id}
        rowTestId={(r) => `customization-request-${r.id}`}
        initialSort={{ key: 'at', dir: 'desc' }}
        testId="customization-requests-table"
        empty="No customization requests."
        renderExpanded={(r) => (
          <div className="proposal-detail">
            <p>
              <strong>Requested settings:</strong>{' '}
              {summarizeSettings(r.settings).join(', ') || 'firm defaults'}
            </p>
            {r.decisionNote && <p className="muted">Decision note: {r.decisionNote}</p>}
            {can('decideCustomization') && r.status === 'pending' && (
              <RequestDecision id={r.id} onDecided={list.reload} />
            )}
          </div>
        )}
      />
    </>
  );
}
