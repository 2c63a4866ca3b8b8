/**
 * The frame around every page: the side navigation (only what the user's role may use), the
 * user, their role and logout. On a tablet the navigation folds behind a menu button so the
 * page keeps the full width.
 */
import { useState } from 'react';
import type { ReactNode } from 'react';
import { ROLE_LABELS } from '../auth/permissions';
import { useSession } from '../auth/session-context';
import { useLocation } from '../router/history';
import { Link } from '../router/link';
import { NAV_ITEMS } from './nav-items';

/** Props of {@link AppShell}. */
export interface AppShellProps {
  children: ReactNode;
}

/** Navigation, user bar and the page. */
export function AppShell({ children }: AppShellProps) {
  const { user, can, logout } = useSession();
  const { path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  if (!user) return null;
  const items = NAV_ITEMS.filter((i) => can(i.permission));
  return (
    <div className={`shell${menuOpen ? ' menu-open' : ''}`}>
      <header className="topbar">
        <button
          type="button"
          className="menu-button"
          aria-label="Menu"
          aria-expanded={menuOpen}
          data-testid="menu-toggle"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          ☰
        </button>
        <Link to="/" className="brand">
          Tailor
        </Link>
        <div className="user-box">
          <span className="user-name" data-testid="current-user">
            {user.username}
          </span>
          <span className="role-badge" data-testid="current-role" data-role={user.role}>
            {ROLE_LABELS[user.role]}
          </span>
          <button
            type="button"
            className="button-quiet"
            data-testid="logout"
            onClick={() => void logout()}
          >
            Log out
          </button>
        </div>
      </header>
      <nav className="sidenav" aria-label="Main">
        {items.map((i) => {
          const active = path === i.to || path.startsWith(`${i.to}/`);
          return (
            <Link
              key={i.id}
              to={i.to}
              className={active ? 'nav-link active' : 'nav-link'}
              aria-current={active ? 'page' : undefined}
              data-testid={`nav-${i.id}`}
              onClick={() => setMenuOpen(false)}
            >
              {i.label}
            </Link>
          );
        })}
      </nav>
      <main className="content">{children}</main>
    </div>
  );
}
