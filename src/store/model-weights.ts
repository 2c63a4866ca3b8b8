/**
 * Each model's latest version: what the drift figures measure accounts against (through the
 * engine's benchmark) and what model edits check. Models are few, so all are read at once.
 */
import { sql } from 'drizzle-orm';
import type { ModelTarget } from '../domain/index.js';
import { rowsOf } from './market-snapshot.js';
import type { Db } from './open-store.js';

/** The latest version of each model: id, name and targets. */
export interface LatestModel {
  id: string;
  name: string;
  version: number;
  targets: ModelTarget[];
}

/** The latest version of every model, by id. */
export async function latestModels(db: Db): Promise<Map<string, LatestModel>> {
  const rows = rowsOf<LatestModel>(
    await db.execute(sql`
      SELECT DISTINCT ON (id) id, name, version, targets FROM models ORDER BY id, version DESC`),
  );
  return new Map(rows.map((r) => [r.id, r]));
}
