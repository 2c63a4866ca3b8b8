/**
 * Properties of the feed validator on the example feed with cells spoiled at random: every data
 * row ends in exactly one place — written, a problem, or skipped for a bad row it depends on —
 * and a bad row in one household's files stops that household alone.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvField } from '../orders/order-csv.js';
import { parseCsv } from './csv.js';
import type { KnownIds } from './feed-data.js';
import { readFeedDirectory } from './read-feed-dir.js';
import { FEED_FILES, validateFeed, type FeedFile, type FeedValidation } from './validate-feed.js';

const none: KnownIds = {
  securities: new Set(),
  models: new Set(),
  households: new Set(),
  accounts: new Set(),
};

/** A feed file as its header and data records (cells). */
interface Sheet {
  name: string;
  header: string[];
  rows: string[][];
}

let sheets: Sheet[] = [];
beforeAll(async () => {
  const files = await readFeedDirectory(
    join(import.meta.dirname, '..', '..', '..', 'examples', 'feed'),
  );
  sheets = files.map((f) => {
    const [header, ...rows] = parseCsv(f.text);
    return { name: f.name, header: header!.cells, rows: rows.map((r) => r.cells) };
  });
});

const toFiles = (all: Sheet[]): FeedFile[] =>
  all.map((s) => ({
    name: s.name,
    text: [s.header, ...s.rows].map((r) => `${r.map(csvField).join(',')}\r\n`).join(''),
  }));

/** Cells no valid feed holds in any column, and none equal to another spoiled cell's id. */
const garbage = fc.constantFrom('', 'zz?', '-1', '1e999', '2026-13-45', 'maybe', '"', ' ');

/** One to four spoils: [file, row, column, value], each index taken modulo what the feed has. */
const spoils = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), garbage), {
  minLength: 1,
  maxLength: 4,
});

function spoil(all: Sheet[], picks: [number, number, number, string][], files: readonly string[]) {
  const copy = all.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) }));
  const touched: { file: string; row: number }[] = [];
  for (const [f, r, c, value] of picks) {
    const candidates = copy.filter((s) => files.includes(s.name) && s.rows.length > 0);
    const sheet = candidates[f % candidates.length]!;
    const row = r % sheet.rows.length;
    sheet.rows[row]![c % sheet.header.length] = value;
    touched.push({ file: sheet.name, row });
  }
  return { copy, touched };
}

/** Data rows written per file (a model's targets are its rows). */
function written(v: FeedValidation): Record<string, number> {
  const d = v.data;
  return {
    'securities.csv': d.securities.length,
    'prices.csv': d.prices.length,
    'models.csv': d.models.reduce((n, m) => n + m.targets.length, 0),
    'households.csv': d.households.length,
    'accounts.csv': d.accounts.length,
    'lots.csv': d.lots.length,
    'transactions.csv': d.transactions.length,
    'settings.csv': d.settings.length,
  };
}

describe('validateFeed with cells spoiled at random', () => {
  it('puts every data row in exactly one place: written, a problem or skipped', () => {
    fc.assert(
      fc.property(spoils, (picks) => {
        const { copy } = spoil(sheets, picks, FEED_FILES);
        const v = validateFeed(toFiles(copy), none);
        const count = written(v);
        for (const file of FEED_FILES) {
          const bad = new Set(v.problems.filter((p) => p.file === file).map((p) => p.line));
          const skipped = new Set(v.skipped.filter((s) => s.file === file).map((s) => s.line));
          for (const line of skipped) expect(bad.has(line), `${file}:${line}`).toBe(false);
          if (bad.has(1)) continue; // a header problem leaves the whole file out
          expect(count[file]! + bad.size + skipped.size, file).toBe(v.rows[file]);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('stops only the households whose rows were spoiled', () => {
    const householdFiles = ['accounts.csv', 'lots.csv', 'transactions.csv', 'settings.csv'];
    fc.assert(
      fc.property(spoils, (picks) => {
        const { copy, touched } = spoil(sheets, picks, householdFiles);
        const accountsSheet = sheets.find((s) => s.name === 'accounts.csv')!;
        const householdOf = new Map(accountsSheet.rows.map((r) => [r[0]!, r[1]!]));
        // The household of each spoiled row, read from the feed before the spoil.
        const hit = new Set(
          touched.map(({ file, row }) => {
            const original = sheets.find((s) => s.name === file)!.rows[row]!;
            return file === 'accounts.csv' ? original[1]! : householdOf.get(original[0]!)!;
          }),
        );
        const before = validateFeed(toFiles(sheets), none).data;
        const after = validateFeed(toFiles(copy), none).data;
        // An account id the feed did not have came from a spoiled row.
        const spared = (accountId: string) => {
          const household = householdOf.get(accountId);
          return household !== undefined && !hit.has(household);
        };
        expect(after.accounts.filter((a) => spared(a.id))).toEqual(
          before.accounts.filter((a) => spared(a.id)),
        );
        expect(after.lots.filter((l) => spared(l.accountId))).toEqual(
          before.lots.filter((l) => spared(l.accountId)),
        );
        expect(after.transactions.filter((t) => spared(t.accountId))).toEqual(
          before.transactions.filter((t) => spared(t.accountId)),
        );
        expect(after.settings.filter((s) => spared(s.accountId))).toEqual(
          before.settings.filter((s) => spared(s.accountId)),
        );
        expect(after.households).toEqual(before.households);
      }),
      { numRuns: 300 },
    );
  });
});
