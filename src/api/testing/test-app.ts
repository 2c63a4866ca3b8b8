/**
 * An app on an in-memory store for the API's tests: the lifecycle firm (households H1 and H3
 * of advisor alice, H2 of bob), one user per role (the advisor is alice) with the password
 * {@link TEST_PASSWORD}, and an API token per role.
 */
import { createApiToken, createUser, openStore, type Store } from '../../store/index.js';
import { openLifecycleStore } from '../../store/lifecycle-testing.js';
import { createApp, type TailorApp } from '../app.js';
import type { AppOptions } from '../app-state.js';
import { hashPassword } from '../auth/password.js';
import { newSecret, sha256, TOKEN_PREFIX } from '../auth/secrets.js';
import { ROLES, type Role } from '../contract/index.js';

/** The password of every test user. */
export const TEST_PASSWORD = 'correct horse battery';

/** The app, its store and a token per role. */
export interface TestApp extends TailorApp {
  store: Store;
  /** A bearer token per role (user `<role>1`; the advisor is alice's). */
  tokens: Record<Role, string>;
  /** Logged messages (errors the app caught). */
  logs: string[];
  close(): Promise<void>;
}

let hash: Promise<string> | undefined;

/** Opens a store with the firm and the users, and the app on it (responses checked). */
export async function openTestApp(options: Partial<AppOptions> = {}): Promise<TestApp> {
  const store = await openLifecycleStore(() => openStore({ home: 'memory' }));
  // One scrypt hash for every test user: hashing is deliberately slow.
  const passwordHash = await (hash ??= hashPassword(TEST_PASSWORD));
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) {
    const username = `${role}1`;
    await createUser(
      store.db,
      { username, role, advisor: role === 'advisor' ? 'alice' : null, passwordHash },
      'test',
    );
    tokens[role] = newSecret(TOKEN_PREFIX);
    await createApiToken(store.db, {
      id: `tok_${role}`,
      username,
      name: 'test',
      tokenHash: sha256(tokens[role]),
    });
  }
  const logs: string[] = [];
  const made = createApp({
    store,
    runThreads: 0,
    webRoot: null,
    checkResponses: true,
    log: (m, e) => logs.push(`${m} ${e instanceof Error ? e.message : ''}`),
    ...options,
  });
  return {
    ...made,
    store,
    tokens,
    logs,
    close: async () => {
      await made.idle();
      await store.close();
    },
  };
}

/** Request options for `app.request()`: a JSON body (or raw text) as `role`'s bearer token. */
export function as(t: TestApp, role: Role | null, method = 'GET', body?: unknown): RequestInit {
  const headers: Record<string, string> = {};
  if (role) headers['authorization'] = `Bearer ${t.tokens[role]}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return {
    method,
    headers,
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  };
}
