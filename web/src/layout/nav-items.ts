/** The navigation entries and the permission each needs. */
import type { Permission } from '../auth/permissions';

/** One navigation entry. */
export interface NavItem {
  to: string;
  label: string;
  permission: Permission;
  /** `data-testid` of the link: `nav-<id>`. */
  id: string;
}

/**
 * In the order the team works: overview, clients, models, runs, approvals, trading, evidence
 * (backtests), records.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/book', label: 'Book', permission: 'book', id: 'book' },
  { to: '/households', label: 'Households', permission: 'households', id: 'households' },
  { to: '/models', label: 'Models', permission: 'models', id: 'models' },
  { to: '/runs', label: 'Runs', permission: 'runs', id: 'runs' },
  { to: '/proposals', label: 'Approvals', permission: 'proposals', id: 'proposals' },
  { to: '/orders', label: 'Orders', permission: 'orders', id: 'orders' },
  {
    to: '/customization-requests',
    label: 'Customizations',
    permission: 'households',
    id: 'customization-requests',
  },
  { to: '/evidence', label: 'Evidence', permission: 'evidence', id: 'evidence' },
  { to: '/audit', label: 'Audit log', permission: 'audit', id: 'audit' },
  { to: '/users', label: 'Users', permission: 'users', id: 'users' },
];
