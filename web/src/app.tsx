/**
 * The dashboard: the login page until there is a session, then the shell with the page for
 * the current URL. `/` opens the book for those who may read it and the households otherwise
 * (an advisor's start page).
 */
import { useEffect } from 'react';
import { useSession } from './auth/session-context';
import { AppShell } from './layout/app-shell';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { ROUTES } from './routes';
import { navigate, useLocation } from './router/history';
import { matchPath } from './router/match';

/** Picks the page for the current location. */
export function App() {
  const { user, can } = useSession();
  const { path } = useLocation();

  useEffect(() => {
    if (user && (path === '/' || path === '/login'))
      navigate(can('book') ? '/book' : '/households', true);
  }, [user, path, can]);

  if (user === undefined) return <div className="boot">Loading…</div>;
  if (user === null) return <LoginPage />;

  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (!params) continue;
    return (
      <AppShell>
        {can(route.permission) ? route.render(params) : <NotFoundPage reason="forbidden" />}
      </AppShell>
    );
  }
  return (
    <AppShell>
      {path === '/' || path === '/login' ? null : <NotFoundPage reason="missing" />}
    </AppShell>
  );
}
