/**
 * Each model's latest targets flattened to securities (sub-models multiplied through): what a
 * drift figure compares an account's weights with. Models are few, so all are read at once.
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

/** Sub-model nesting deeper than this is a cycle (the data checks report it; here it stops). */
const MAX_DEPTH = 16;

/** The latest version of every model, by id. */
export async function latestModels(db: Db): Promise<Map<string, LatestModel>> {
  const rows = rowsOf<LatestModel>(
    await db.execute(sql`
      SELECT DISTINCT ON (id) id, name, version, targets FROM models ORDER BY id, version DESC`),
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Security weights of model `id`, sub-models multiplied through. */
export function flattenModel(
  id: string,
  models: ReadonlyMap<string, { readonly targets: readonly ModelTarget[] }>,
  scale = 1,
  out = new Map<string, number>(),
  depth = 0,
): Map<string, number> {
  const model = models.get(id);
  if (!model || depth > MAX_DEPTH) return out;
  for (const t of model.targets) {
    if ('security' in t) out.set(t.security, (out.get(t.security) ?? 0) + scale * t.weight);
    else flattenModel(t.model, models, scale * t.weight, out, depth + 1);
  }
  return out;
}
