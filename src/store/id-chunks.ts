/**
 * Ids taken a chunk at a time: a statement binds at most 65,535 parameters, and a whole book's
 * ids are far more than that.
 */

/** Splits `items` into runs of at most `size`, each small enough for one `IN (…)`. */
export function chunksOf<T>(items: readonly T[], size = 10_000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The rows `select` returns for each chunk of `ids`, in one array. Appended one by one, not by
 * `push(...rows)`: a chunk of ids can return more rows than a call takes arguments (a whole
 * approved book's trades, a whole book's lots).
 */
export async function selectInChunks<T, R>(
  ids: readonly T[],
  select: (chunk: T[]) => Promise<readonly R[]>,
): Promise<R[]> {
  const rows: R[] = [];
  for (const chunk of chunksOf(ids)) for (const row of await select(chunk)) rows.push(row);
  return rows;
}
