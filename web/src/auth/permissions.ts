/**
 * What each role may do, mirroring the route table of docs/api.md. The server enforces it; the
 * dashboard only uses it to hide what would be refused, so people see the tools they can use.
 */
import type { Role } from '../api/types';

/** Everything the dashboard shows or hides by role. */
export type Permission =
  | 'book'
  | 'households'
  | 'editSettings'
  | 'requestCustomization'
  | 'decideCustomization'
  | 'models'
  | 'editModels'
  | 'runs'
  | 'startRuns'
  | 'proposals'
  | 'decideProposals'
  | 'orders'
  | 'tradeOrders'
  | 'audit'
  | 'evidence'
  | 'users';

const ALL: readonly Role[] = ['admin', 'pm', 'trader', 'advisor', 'viewer'];
const BOOK_READERS: readonly Role[] = ['admin', 'pm', 'trader', 'viewer'];

const RULES: Record<Permission, readonly Role[]> = {
  book: BOOK_READERS,
  households: ALL,
  editSettings: ['admin', 'pm'],
  requestCustomization: ['admin', 'pm', 'advisor'],
  decideCustomization: ['admin', 'pm'],
  models: ALL,
  editModels: ['admin', 'pm'],
  runs: BOOK_READERS,
  startRuns: ['admin', 'pm'],
  proposals: ALL,
  decideProposals: ['admin', 'trader'],
  orders: ['admin', 'pm', 'trader', 'viewer'],
  tradeOrders: ['admin', 'trader'],
  audit: BOOK_READERS,
  evidence: ALL,
  users: ['admin'],
};

/** True if `role` may do `permission`. */
export function may(role: Role, permission: Permission): boolean {
  return RULES[permission].includes(role);
}

/** How each role is named on screen. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  pm: 'Portfolio manager',
  trader: 'Trader',
  advisor: 'Advisor',
  viewer: 'Viewer',
};
