/**
 * References across the feed and the store: every id a row names must be defined in the feed or
 * already be in the store. A row that depends on a bad or skipped row — through a reference, or
 * by belonging to the same model or account lot list — is skipped too, transitively.
 */
import { didYouMean } from '../did-you-mean.js';
import { isBad, type ReadFile } from './any-table.js';
import type { KnownIds } from './feed-data.js';
import type { FeedSkip } from './feed-problem.js';
import type { TableRow } from './read-table.js';
import type { RefKind } from './table-spec.js';

type Row = TableRow<unknown>;

const DEFINED_IN: Record<RefKind, { file: string; store: keyof KnownIds }> = {
  security: { file: 'securities.csv', store: 'securities' },
  model: { file: 'models.csv', store: 'models' },
  household: { file: 'households.csv', store: 'households' },
  account: { file: 'accounts.csv', store: 'accounts' },
};

/**
 * Adds an `unknown …` problem for each reference found neither in the feed nor in the store,
 * then returns the good rows that must be skipped because a row they depend on is bad.
 */
export function checkReferences(files: readonly ReadFile[], known: KnownIds): FeedSkip[] {
  const definers = new Map<RefKind, Map<string, Row[]>>();
  for (const { spec, table } of files) {
    if (spec.defines === undefined) continue;
    const byId = definers.get(spec.defines.kind) ?? new Map<string, Row[]>();
    definers.set(spec.defines.kind, byId);
    for (const row of table.rows) {
      const id = row.reader.raw(spec.defines.column);
      if (id !== '') pushTo(byId, id, row);
    }
  }
  const candidates = new Map<RefKind, string[]>();
  const namesOf = (kind: RefKind): string[] => {
    let names = candidates.get(kind);
    if (names === undefined) {
      names = [...(definers.get(kind)?.keys() ?? []), ...known[DEFINED_IN[kind].store]];
      candidates.set(kind, names);
    }
    return names;
  };
  const links = new Map<Row, { rows: Row[]; why: string }[]>();
  for (const { spec, table } of files) {
    if (table.fileProblems.length > 0) continue;
    const groups = new Map<string, Row[]>();
    if (spec.group)
      for (const row of table.rows) {
        pushTo(groups, row.reader.raw(spec.group.column), row);
      }
    for (const row of table.rows) {
      const mine: { rows: Row[]; why: string }[] = [];
      for (const ref of spec.refs(row.reader)) {
        const rows = definers.get(ref.kind)?.get(ref.id);
        if (rows !== undefined) {
          // A model stands on all its rows; anything else on its first definition.
          mine.push({ rows: ref.kind === 'model' ? rows : rows.slice(0, 1), why: '' });
        } else if (!known[DEFINED_IN[ref.kind].store].has(ref.id)) {
          const { file } = DEFINED_IN[ref.kind];
          row.reader.problem(
            ref.column,
            `unknown ${ref.kind} "${ref.id}": it is neither in ${file} nor in the store; ` +
              `correct the id or add it to ${file}${didYouMean(ref.id, namesOf(ref.kind))}`,
          );
        }
      }
      if (spec.group) {
        const others = groups.get(row.reader.raw(spec.group.column))!.filter((r) => r !== row);
        mine.push({ rows: others, why: ` (${spec.group.why})` });
      }
      links.set(row, mine);
    }
  }
  return propagate(files, links);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Skips good rows linked to a bad or skipped row until nothing changes. */
function propagate(
  files: readonly ReadFile[],
  links: ReadonlyMap<Row, { rows: Row[]; why: string }[]>,
): FeedSkip[] {
  const skipped = new Map<Row, string>();
  const out = (row: Row): boolean => isBad(row) || skipped.has(row);
  let changed = true;
  while (changed) {
    changed = false;
    for (const { table } of files) {
      for (const row of table.rows) {
        if (out(row)) continue;
        for (const { rows, why } of links.get(row) ?? []) {
          const blame = rows.find(isBad) ?? rows.find(out);
          if (blame === undefined) continue;
          skipped.set(row, `depends on skipped ${blame.file} line ${blame.line}${why}`);
          changed = true;
          break;
        }
      }
    }
  }
  return [...skipped].map(([row, reason]) => ({ file: row.file, line: row.line, reason }));
}
