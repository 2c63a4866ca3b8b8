/** A model target as the editor holds it: kind, id and weight, plus a stable row key. */
import type { ModelTarget } from '../../api/types';

/** One editable target row. */
export interface TargetRow {
  key: number;
  kind: 'security' | 'model';
  id: string;
  weight: number | undefined;
}

let nextKey = 1;

/** A fresh row key (rows are reordered and removed, so indexes will not do). */
export const newKey = (): number => nextKey++;

/** Editor rows from API targets. */
export function toRows(targets: readonly ModelTarget[]): TargetRow[] {
  return targets.map((t) =>
    'security' in t
      ? { key: newKey(), kind: 'security', id: t.security, weight: t.weight }
      : { key: newKey(), kind: 'model', id: t.model, weight: t.weight },
  );
}

/** API targets from editor rows (blank rows left out). */
export function toTargets(rows: readonly TargetRow[]): ModelTarget[] {
  return rows
    .filter((r) => r.id.trim() !== '')
    .map((r) =>
      r.kind === 'security'
        ? { security: r.id.trim().toUpperCase(), weight: r.weight ?? 0 }
        : { model: r.id.trim(), weight: r.weight ?? 0 },
    );
}

/** What is wrong with the rows before saving: weights over 100%, duplicates, blanks. */
export function checkRows(rows: readonly TargetRow[]): string[] {
  const out: string[] = [];
  const sum = rows.reduce((s, r) => s + (r.weight ?? 0), 0);
  if (sum > 1 + 1e-9) out.push(`Weights sum to ${(sum * 100).toFixed(2)}%, over 100%.`);
  const seen = new Set<string>();
  for (const r of rows) {
    const id = `${r.kind}:${r.kind === 'security' ? r.id.trim().toUpperCase() : r.id.trim()}`;
    if (r.id.trim() === '') continue;
    if (seen.has(id)) out.push(`${r.id} is listed twice.`);
    seen.add(id);
    if (r.weight === undefined || r.weight < 0 || r.weight > 1)
      out.push(`${r.id}: weight must be between 0% and 100%.`);
  }
  if (rows.every((r) => r.id.trim() === '')) out.push('A model needs at least one target.');
  return out;
}
