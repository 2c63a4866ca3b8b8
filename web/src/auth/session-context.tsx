/**
 * The logged-in user, shared with every page. On start it asks the server for the current
 * session (a reload keeps you logged in); a 401 from any call drops back to the login page.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { setCsrfToken, setUnauthenticatedHandler } from '../api/client';
import * as sessionApi from '../api/session-api';
import type { SessionResponse, SessionUser } from '../api/types';
import type { Permission } from './permissions';
import { may } from './permissions';

/** What {@link useSession} answers. */
export interface Session {
  /** Undefined while the first check is under way; null when logged out. */
  user: SessionUser | null | undefined;
  /** True when the last logout was forced by an expired session. */
  expired: boolean;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  can: (permission: Permission) => boolean;
}

const SessionContext = createContext<Session | null>(null);

/** Provides the session to the app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);

  const accept = useCallback((s: SessionResponse): void => {
    setCsrfToken(s.csrfToken);
    setExpired(false);
    setUser(s.user);
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      // Only calls made while logged in reach here (the login call is exempt in the client).
      setCsrfToken(null);
      setExpired(true);
      setUser(null);
    });
    sessionApi.currentSession().then(accept, () => setUser(null));
  }, [accept]);

  const value = useMemo<Session>(
    () => ({
      user,
      expired,
      login: async (username, password) => accept(await sessionApi.login(username, password)),
      logout: async () => {
        // Logged out locally even when the server cannot be reached.
        await sessionApi.logout().catch(() => undefined);
        setCsrfToken(null);
        setUser(null);
      },
      can: (p) => (user ? may(user.role, p) : false),
    }),
    [user, expired, accept],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session; only inside {@link SessionProvider}. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
