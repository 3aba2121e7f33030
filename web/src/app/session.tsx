import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { LoginRequest, Session } from '../../../domain/access/account.ts';
import type { Role, User } from '../../../domain/access/roles.ts';
import { sortVi } from '../../../domain/shared/vi.ts';
import { ApiError, api, setCsrfToken, setUnauthenticatedHandler } from '../lib/api.ts';

export interface WorkingAgency {
  agencyId: string;
  agencyName: string;
  agencyCode: string | null;
}

interface SessionContextValue {
  status: 'loading' | 'anonymous' | 'authenticated';
  user: User | null;
  /** Agencies the user holds a grant on (the agency switcher's choices), sorted in Vietnamese order. */
  agencies: WorkingAgency[];
  activeAgency: WorkingAgency | null;
  /** Roles the user holds on the active agency (`citizen` for citizen accounts). */
  roles: Role[];
  /** True after the user signed out on purpose: the login page then starts afresh instead of returning. */
  signedOut: boolean;
  /** The session's CSRF token, for requests not made through `lib/api.ts` (uploads with progress). */
  csrfToken: string | null;
  setActiveAgency: (agencyId: string) => void;
  login: (credentials: LoginRequest) => Promise<void>;
  /** Reads the session again, after a sign-in made elsewhere (the citizen portal's own endpoints). */
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

const storageKey = (userId: string) => `motcua.activeAgency.${userId}`;

const readStoredAgency = (userId: string): string | null => {
  try {
    return localStorage.getItem(storageKey(userId));
  } catch {
    return null;
  }
};

const workingAgencies = (user: User | null): WorkingAgency[] => {
  if (!user) return [];
  const byId = new Map<string, WorkingAgency>();
  for (const g of user.grants) {
    if (!byId.has(g.agencyId)) {
      byId.set(g.agencyId, { agencyId: g.agencyId, agencyName: g.agencyName, agencyCode: g.agencyCode });
    }
  }
  return sortVi([...byId.values()], (a) => a.agencyName);
};

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionContextValue['status']>('loading');
  const [user, setUser] = useState<User | null>(null);
  const [activeAgencyId, setActiveAgencyId] = useState<string | null>(null);
  const [signedOut, setSignedOut] = useState(false);
  const [csrfToken, setToken] = useState<string | null>(null);

  const adopt = useCallback((session: Session | null) => {
    setCsrfToken(session?.csrfToken ?? null);
    setToken(session?.csrfToken ?? null);
    setUser(session?.user ?? null);
    setActiveAgencyId(session ? readStoredAgency(session.user.id) : null);
    setStatus(session ? 'authenticated' : 'anonymous');
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => adopt(null));
    let cancelled = false;
    api
      .get<Session>('/api/auth/me')
      .then((session) => !cancelled && adopt(session))
      .catch((error: unknown) => {
        if (!(error instanceof ApiError && error.status === 401)) console.error(error);
        if (!cancelled) adopt(null);
      });
    return () => {
      cancelled = true;
      setUnauthenticatedHandler(null);
    };
  }, [adopt]);

  const login = useCallback(
    async (credentials: LoginRequest) => {
      adopt(await api.post<Session>('/api/auth/login', credentials));
      setSignedOut(false);
    },
    [adopt],
  );

  const refresh = useCallback(async () => {
    adopt(await api.get<Session>('/api/auth/me'));
    setSignedOut(false);
  }, [adopt]);

  const logout = useCallback(async () => {
    try {
      await api.send('POST', '/api/auth/logout');
    } finally {
      setSignedOut(true);
      adopt(null);
    }
  }, [adopt]);

  const value = useMemo<SessionContextValue>(() => {
    const agencies = workingAgencies(user);
    const activeAgency = agencies.find((a) => a.agencyId === activeAgencyId) ?? agencies[0] ?? null;
    const roles: Role[] =
      user?.kind === 'citizen'
        ? ['citizen']
        : (user?.grants.filter((g) => g.agencyId === activeAgency?.agencyId).map((g) => g.role) ?? []);
    return {
      status,
      user,
      agencies,
      activeAgency,
      roles,
      signedOut,
      csrfToken,
      setActiveAgency: (agencyId: string) => {
        setActiveAgencyId(agencyId);
        if (user) {
          try {
            localStorage.setItem(storageKey(user.id), agencyId);
          } catch {
            // Private browsing: the choice simply is not remembered.
          }
        }
      },
      login,
      refresh,
      logout,
    };
  }, [status, user, activeAgencyId, signedOut, csrfToken, login, refresh, logout]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
