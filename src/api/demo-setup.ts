/**
 * `tailor serve --demo`: on an empty store, the demo firm (as `tailor demo` writes it) and a
 * first run; on any store, one login per role — the advisor bound to the demo advisor with the
 * most households — all with the same password.
 */
import { sql } from 'drizzle-orm';
import { runBook } from '../batch/index.js';
import { buildDemoFirm } from '../demo/index.js';
import { createUser, rowsOf, writeFirm, type Store } from '../store/index.js';
import { hashPassword } from './auth/password.js';
import { ROLES, type Role } from './contract/index.js';

/** The password of the demo logins unless TAILOR_DEMO_PASSWORD says otherwise. */
export const DEFAULT_DEMO_PASSWORD = 'tailor-demo';

/** A demo login and whether it was made now. */
export interface DemoLogin {
  username: string;
  role: Role;
  advisor: string | null;
  /** False when the user was already there (its password is then whatever it was set to). */
  created: boolean;
}

/** What `setUpDemo` did. */
export interface DemoSetup {
  /** The firm was built (the store had no households). */
  built: boolean;
  runId: string | null;
  logins: DemoLogin[];
}

/** The advisor with the most households (ties: by name). */
async function busiestAdvisor(store: Store): Promise<string | null> {
  const [row] = rowsOf<{ advisor: string }>(
    await store.db.execute(sql`
      SELECT advisor FROM households WHERE advisor <> '' GROUP BY advisor
      ORDER BY count(*) DESC, advisor LIMIT 1`),
  );
  return row?.advisor ?? null;
}

/** Builds what is missing and answers the logins. */
export async function setUpDemo(
  store: Store,
  o: { accounts: number; password: string; threads: number; note?: (text: string) => void },
): Promise<DemoSetup> {
  const note = o.note ?? (() => undefined);
  const [held] = rowsOf<{ n: number }>(
    await store.db.execute(sql`SELECT count(*)::int AS n FROM households`),
  );
  let runId: string | null = null;
  const built = Number(held?.n ?? 0) === 0;
  if (built) {
    note(`building the demo firm (${o.accounts} accounts) …`);
    const firm = buildDemoFirm({ accounts: o.accounts, seed: 1 });
    await writeFirm(store.db, firm.data, 'demo');
    note('first run …');
    runId = (
      await runBook(store.db, { selection: { kind: 'all' }, threads: o.threads, actor: 'demo' })
    ).runId;
  }
  const advisor = await busiestAdvisor(store);
  const passwordHash = await hashPassword(o.password);
  const logins: DemoLogin[] = [];
  for (const role of ROLES) {
    const bound = role === 'advisor' ? advisor : null;
    if (role === 'advisor' && bound === null) continue;
    const created = await createUser(
      store.db,
      { username: role, role, advisor: bound, passwordHash },
      'demo',
    );
    logins.push({ username: role, role, advisor: bound, created });
  }
  return { built, runId, logins };
}
