/**
 * A selection that names something the book does not have — a household, a model, an advisor —
 * is a mistake to report, not a run of nothing: the central team would otherwise read "0
 * households" and believe the book was fine.
 */
import { inArray, sql } from 'drizzle-orm';
import { didYouMean } from '../io/index.js';
import { schema, type Db } from '../store/index.js';
import type { Selection } from './selection.js';

/** What a selection names that the book lacks, and what to change. */
export interface SelectionProblem {
  field: 'households' | 'model' | 'advisor';
  message: string;
}

const { households, models } = schema;
const SHOWN = 5;

/** Null when every household, the model or the advisor the selection names exists. */
export async function checkSelection(db: Db, s: Selection): Promise<SelectionProblem | null> {
  switch (s.kind) {
    case 'households': {
      const found = new Set(
        (
          await db
            .select({ id: households.id })
            .from(households)
            .where(inArray(households.id, s.households))
        ).map((r) => r.id),
      );
      const missing = [...new Set(s.households)].filter((id) => !found.has(id));
      if (missing.length === 0) return null;
      const more = missing.length > SHOWN ? ` and ${missing.length - SHOWN} more` : '';
      return {
        field: 'households',
        message: `no household ${missing.slice(0, SHOWN).join(', ')}${more} in the book; check the ids (tailor proposals and the dashboard list them)`,
      };
    }
    case 'model': {
      const ids = (await db.selectDistinct({ id: models.id }).from(models)).map((r) => r.id);
      if (ids.includes(s.model)) return null;
      return {
        field: 'model',
        message: `no model "${s.model}"${didYouMean(s.model, ids)}; models: ${ids.sort().slice(0, 20).join(', ')}`,
      };
    }
    case 'advisor': {
      const rows = await db
        .selectDistinct({ advisor: households.advisor })
        .from(households)
        .where(sql`${households.advisor} <> ''`);
      const names = rows.map((r) => r.advisor);
      if (names.includes(s.advisor)) return null;
      return {
        field: 'advisor',
        message: `no household has advisor "${s.advisor}"${didYouMean(s.advisor, names)}; advisors: ${names.sort().slice(0, 20).join(', ')}`,
      };
    }
    default:
      return null;
  }
}
