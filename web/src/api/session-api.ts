/** Session and user administration calls. */
import { del, get, patch, post } from './client';
import type {
  SessionResponse,
  UserCreateRequest,
  UserList,
  UserPatchRequest,
  UserSummary,
} from './types';

/** Logs in; the server sets the session cookie. */
export const login = (username: string, password: string): Promise<SessionResponse> =>
  post<SessionResponse>('/v1/session', { username, password });

/** The current session (throws a 401 ApiError when there is none). */
export const currentSession = (): Promise<SessionResponse> => get<SessionResponse>('/v1/session');

/** Logs out. */
export const logout = (): Promise<unknown> => del<unknown>('/v1/session');

/** Every user (admin). */
export const listUsers = (): Promise<UserList> => get<UserList>('/v1/users', { limit: 1000 });

/** Creates a user (admin). */
export const createUser = (input: UserCreateRequest): Promise<UserSummary> =>
  post<UserSummary>('/v1/users', input);

/** Changes a user's role, advisor, password or disabled flag (admin). */
export const updateUser = (username: string, change: UserPatchRequest): Promise<UserSummary> =>
  patch<UserSummary>(`/v1/users/${encodeURIComponent(username)}`, change);
