/**
 * Gain budgets against a run's proposals. A budget caps a household's net realized gain per
 * rebalance; where several taxable accounts set one, the strictest applies per term (as in the
 * optimizer), and `total`, where set, caps both terms together.
 */
import { sql } from 'drizzle-orm';
import { usd } from './account-figures.js';
import { rowsOf } from './market-snapshot.js';
import type { Db } from './open-store.js';

/** Budgets and what a run realizes against them (USD). */
export interface GainBudgetUse {
  runId: string | null;
  households: number;
  budgetUsd: number;
  realizedUsd: number;
  householdsNearBudget: number;
}

/** A proposal uses "nearly all" of its budget from this share on. */
const NEAR = 0.9;

interface Row {
  household_id: string;
  short_term: number | null;
  long_term: number | null;
  total: number | null;
  realized: number | null;
  relaxed: boolean | null;
}

/** Budgets of the households that have one, and what run `runId` proposes to realize there. */
export async function gainBudgetUse(db: Db, runId: string | null): Promise<GainBudgetUse> {
  const rows = rowsOf<Row>(
    await db.execute(sql`
      WITH st AS (SELECT DISTINCT ON (account_id) account_id, settings FROM account_settings
                  ORDER BY account_id, version DESC),
      b AS (SELECT a.household_id,
                   min((st.settings #>> '{tax,gainBudget,shortTerm}')::float8) AS short_term,
                   min((st.settings #>> '{tax,gainBudget,longTerm}')::float8) AS long_term,
                   min((st.settings #>> '{tax,gainBudget,total}')::float8) AS total
            FROM st JOIN accounts a ON a.id = st.account_id
            WHERE a.tax_status = 'taxable' AND st.settings #> '{tax,gainBudget}' IS NOT NULL
            GROUP BY a.household_id)
      SELECT b.*,
        (SELECT sum((x.value #>> '{summary,realized,shortTerm}')::float8
                  + (x.value #>> '{summary,realized,longTerm}')::float8)
         FROM jsonb_array_elements(p.response -> 'accounts') x) AS realized,
        (SELECT bool_or(r.value ->> 'setting' LIKE 'tax.gainBudget%')
         FROM jsonb_array_elements(p.response -> 'accounts') x,
              jsonb_array_elements(x.value #> '{summary,relaxed}') r) AS relaxed
      FROM b LEFT JOIN proposals p ON p.household_id = b.household_id AND p.run_id = ${runId}`),
  );
  let budgetUsd = 0;
  let realizedUsd = 0;
  let near = 0;
  for (const r of rows) {
    const terms = Math.max(0, Number(r.short_term ?? 0)) + Math.max(0, Number(r.long_term ?? 0));
    const budget = r.total === null ? terms : Math.min(terms, Math.max(0, Number(r.total)));
    const realized = Math.max(0, Number(r.realized ?? 0));
    budgetUsd += budget;
    realizedUsd += realized;
    if (r.relaxed === true || (budget > 0 && realized >= NEAR * budget)) near++;
  }
  return {
    runId,
    households: rows.length,
    budgetUsd: usd(budgetUsd),
    realizedUsd: usd(realizedUsd),
    householdsNearBudget: near,
  };
}
