import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrayLiteral } from './array-literal.js';
import { insertChunked } from './chunked-insert.js';
import type { Store } from './open-store.js';
import { households, securities } from './schema/index.js';
import { testStoreKinds } from './testing/test-stores.js';

const AWKWARD = [
  'plain',
  '',
  'NULL',
  'a,b',
  '{braces}',
  'say "hi"',
  'back\\slash',
  'two\nlines',
  '  spaced  ',
  'ünïcödé €',
];

describe('arrayLiteral', () => {
  it('quotes every element and escapes quotes and backslashes', () => {
    expect(arrayLiteral(['a', 'b "c"', 'd\\e', null])).toBe('{"a","b \\"c\\"","d\\\\e",NULL}');
  });
});

describe.each(testStoreKinds())('insertChunked on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => store?.close());

  it('stores awkward text, exact decimals, nulls and JSON exactly as given', async () => {
    const rows = AWKWARD.map((name, i) => ({
      id: `H${String(i).padStart(2, '0')}`,
      name,
      advisor: i % 2 === 0 ? 'Ann' : 'Bo',
      shortTermRate: '0.370000000001',
      longTermRate: '0.2',
      modelId: i % 3 === 0 ? null : 'm1',
    }));
    await insertChunked(store.db, households, rows);
    const back = await store.db.select().from(households).orderBy(asc(households.id));
    expect(back.map((h) => h.name)).toEqual(AWKWARD);
    expect(back.map((h) => h.modelId)).toEqual(rows.map((r) => r.modelId));
    expect(back[1]?.shortTermRate).toBe('0.370000000001');
  });

  it('writes jsonb and booleans through the columns own mapping, and defaults for left-out columns', async () => {
    await insertChunked(store.db, securities, [
      { id: 'X1', tags: ['esg', 'a "b"'], cashEquivalent: true },
      { id: 'X2', tags: [], cashEquivalent: false },
    ]);
    const back = await store.db.select().from(securities).orderBy(asc(securities.id));
    expect(back.map((s) => [s.id, s.tags, s.cashEquivalent, s.name])).toEqual([
      ['X1', ['esg', 'a "b"'], true, ''],
      ['X2', [], false, ''],
    ]);
  });

  it('falls back to a plain insert when rows give different columns', async () => {
    await insertChunked(store.db, securities, [
      { id: 'Y1', name: 'named' },
      { id: 'Y2' },
    ] as (typeof securities.$inferInsert)[]);
    const back = await store.db.select().from(securities).orderBy(asc(securities.id));
    expect(back.filter((s) => s.id.startsWith('Y')).map((s) => s.name)).toEqual(['named', '']);
  });

  it('inserts more rows than one statement takes', async () => {
    const many = Array.from({ length: 20_050 }, (_, i) => ({
      id: `Z${i}`,
      name: `n${i}`,
      shortTermRate: '0.3',
      longTermRate: '0.2',
    }));
    await insertChunked(store.db, households, many);
    const back = await store.db.select({ id: households.id }).from(households);
    expect(back.filter((h) => h.id.startsWith('Z'))).toHaveLength(20_050);
  });
});
