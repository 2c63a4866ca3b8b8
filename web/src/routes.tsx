/**
 * The route table: each URL pattern, the page it shows and the permission it needs. A page
 * the role may not use shows "not available" rather than a request the server would refuse.
 */
import type { ReactNode } from 'react';
import type { Permission } from './auth/permissions';
import type { Params } from './router/match';
import { AccountPage } from './pages/account/account-page';
import { AuditPage } from './pages/audit/audit-page';
import { BookPage } from './pages/book/book-page';
import { CustomizationRequestsPage } from './pages/customizations/customization-requests-page';
import { BacktestPage } from './pages/evidence/backtest-page';
import { EvidencePage } from './pages/evidence/evidence-page';
import { HouseholdPage } from './pages/households/household-page';
import { HouseholdsPage } from './pages/households/households-page';
import { ModelEditorPage } from './pages/models/model-editor-page';
import { ModelsPage } from './pages/models/models-page';
import { OrdersPage } from './pages/orders/orders-page';
import { ProposalsPage } from './pages/proposals/proposals-page';
import { RunPage } from './pages/runs/run-page';
import { RunsPage } from './pages/runs/runs-page';
import { UsersPage } from './pages/users/users-page';

/** One route. */
export interface Route {
  pattern: string;
  permission: Permission;
  render: (params: Params) => ReactNode;
}

/** Every page; the first match wins (so `/models/new` precedes `/models/:id`). */
export const ROUTES: readonly Route[] = [
  { pattern: '/book', permission: 'book', render: () => <BookPage /> },
  { pattern: '/households', permission: 'households', render: () => <HouseholdsPage /> },
  {
    pattern: '/households/:id',
    permission: 'households',
    render: (p) => <HouseholdPage key={p.id} id={p.id!} />,
  },
  {
    pattern: '/accounts/:id',
    permission: 'households',
    render: (p) => <AccountPage key={p.id} id={p.id!} />,
  },
  { pattern: '/models', permission: 'models', render: () => <ModelsPage /> },
  { pattern: '/models/new', permission: 'editModels', render: () => <ModelEditorPage /> },
  {
    pattern: '/models/:id',
    permission: 'models',
    render: (p) => <ModelEditorPage key={p.id} id={p.id!} />,
  },
  { pattern: '/runs', permission: 'runs', render: () => <RunsPage /> },
  { pattern: '/runs/:id', permission: 'runs', render: (p) => <RunPage key={p.id} id={p.id!} /> },
  { pattern: '/proposals', permission: 'proposals', render: () => <ProposalsPage /> },
  { pattern: '/orders', permission: 'orders', render: () => <OrdersPage /> },
  {
    pattern: '/customization-requests',
    permission: 'households',
    render: () => <CustomizationRequestsPage />,
  },
  { pattern: '/evidence', permission: 'evidence', render: () => <EvidencePage /> },
  {
    pattern: '/evidence/:id',
    permission: 'evidence',
    render: (p) => <BacktestPage key={p.id} id={p.id!} />,
  },
  { pattern: '/audit', permission: 'audit', render: () => <AuditPage /> },
  { pattern: '/users', permission: 'users', render: () => <UsersPage /> },
];
