/** `/users` (admin): every user, a form to add one, and role or password changes. */
import { listUsers } from '../../api/session-api';
import type { UserSummary } from '../../api/types';
import { ROLE_LABELS } from '../../auth/permissions';
import { Card } from '../../components/card';
import type { Column } from '../../components/data-table/column';
import { DataTable } from '../../components/data-table/data-table';
import { ErrorBanner } from '../../components/error-banner';
import { PageHeader } from '../../components/page-header';
import { StatusBadge } from '../../components/status-badge';
import { useResource } from '../../hooks/use-resource';
import { UserForm } from './user-form';

const COLUMNS: Column<UserSummary>[] = [
  { key: 'username', header: 'Username', value: (u) => u.username },
  { key: 'role', header: 'Role', value: (u) => ROLE_LABELS[u.role] },
  { key: 'advisor', header: 'Advisor', value: (u) => u.advisor },
  {
    key: 'disabled',
    header: 'Status',
    value: (u) => (u.disabled ? 'disabled' : 'active'),
    render: (u) => <StatusBadge status={u.disabled ? 'disabled' : 'active'} />,
  },
  { key: 'created', header: 'Created', value: (u) => u.createdAt, format: 'dateTime' },
];

/** The users page. */
export function UsersPage() {
  const list = useResource(listUsers, 'users');
  return (
    <>
      <PageHeader title="Users" />
      <div className="grid">
        <Card title="Add or change a user" testId="user-form-card">
          <UserForm users={list.data?.items ?? []} onSaved={list.reload} />
        </Card>
        <Card title="Users">
          <ErrorBanner error={list.error} />
          <DataTable
            rows={list.data?.items}
            total={list.data?.total}
            loading={list.loading}
            columns={COLUMNS}
            rowKey={(u) => u.username}
            rowTestId={(u) => `user-row-${u.username}`}
            initialSort={{ key: 'username', dir: 'asc' }}
            testId="users-table"
          />
        </Card>
      </div>
    </>
  );
}
