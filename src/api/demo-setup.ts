/**
 * `tailor serve --demo`: on an empty store, the demo firm (as `tailor demo` writes it) and a
 * first run; on a store without saved backtests, one small backtest (so the Evidence page has
 * one to show); on any store, one login per role — the advisor bound to the demo advisor with the
 * most households — all with the same password.
 */
import { sql } from 'drizzle-orm';
import { runBook } from '../batch/index.js';
import { buildDemoFirm } from '../demo/index.js';
import { householdDriftBefore } from '../rebalance/index.js';
import {
  createUser,
  refreshBookFigures,
  rowsOf,
  saveBacktest,
  writeFirm,
  type Store,
} from '../store/index.js';
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
  /** The demo backtest saved now (null: the store already had a backtest). */
  backtestId: string | null;
  logins: DemoLogin[];
}

/**
 * The demo's backtest: the ETF model over 2019–2020, monthly — two years with a crash in them,
 * and about two seconds of simulation (plus a second to read the shipped history).
 */
export const DEMO_BACKTEST = {
  scenario: 'etf-model',
  start: '2019-01-02',
  end: '2020-12-31',
  schedule: 'monthly',
} as const;

/** Runs and saves the demo backtest when the store has none; answers its id (or null). */
async function demoBacktest(store: Store, note: (text: string) => void): Promise<string | null> {
  const [held] = rowsOf<{ n: number }>(
    await store.db.execute(sql`SELECT count(*)::int AS n FROM backtests`),
  );
  if (Number(held?.n ?? 0) > 0) return null;
  const d = DEMO_BACKTEST;
  note(`demo backtest (${d.scenario}, ${d.start} … ${d.end}, ${d.schedule}) …`);
  const { loadPriceHistory, runBacktest } = await import('../backtest/index.js');
  const outcome = runBacktest(loadPriceHistory(), { ...d });
  if (!outcome.ok) throw new Error(`the demo backtest failed: ${outcome.problems.join('; ')}`);
  return saveBacktest(store.db, outcome.result, 'demo');
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
    note('book figures …');
    await refreshBookFigures(store.db, householdDriftBefore);
    note('first run …');
    runId = (
      await runBook(store.db, { selection: { kind: 'all' }, threads: o.threads, actor: 'demo' })
    ).runId;
  }
  const backtestId = await demoBacktest(store, note);
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
  return { built, runId, backtestId, logins };
}
