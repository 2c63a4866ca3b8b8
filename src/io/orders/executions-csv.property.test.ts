/**
 * Properties of the executions CSV reader on generated files: columns in any order with a
 * broker's others beside them, ids that need quoting, good and spoiled rows mixed. Every row is
 * read as written or named as a problem at its line — none is lost or read twice.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../feed/csv.js';
import { parseExecutionsCsv } from './executions-csv.js';
import { csvField } from './order-csv.js';
import { brokerId, isoDay, positiveDecimalText } from '../test-support/execution-arbitraries.js';

/** Ids among printable ASCII, with the characters CSV must quote (`,` and `"`). */
const id = brokerId(12);

const COLUMNS = ['order_id', 'exec_id', 'quantity', 'price', 'date', 'venue'] as const;
type Column = (typeof COLUMNS)[number];
type Row = Record<Column, string>;

const goodRow: fc.Arbitrary<Row> = fc.record({
  order_id: id,
  exec_id: id,
  quantity: positiveDecimalText,
  price: positiveDecimalText,
  date: fc.oneof(isoDay, fc.constant('')),
  venue: fc.constantFrom('XNYS', 'XNAS', 'a, "dark" pool', ''),
});

/** A row with one cell spoiled, and the column its problem must name. */
const spoiledRow = fc
  .tuple(
    goodRow,
    fc.constantFrom(
      ['quantity', '-3'],
      ['quantity', '1e3'],
      ['price', ''],
      ['price', '0'],
      ['date', '20261120'],
      ['date', '2026-02-30'],
      ['order_id', ' '],
      ['exec_id', ''],
    ) as fc.Arbitrary<[Column, string]>,
  )
  .map(([row, [column, value]]) => ({ row: { ...row, [column]: value }, column }));

const file = fc.record({
  order: fc.shuffledSubarray([...COLUMNS], { minLength: COLUMNS.length }),
  rows: fc.array(
    fc.oneof(
      goodRow.map((row) => ({ row, column: undefined })),
      spoiledRow,
    ),
    { minLength: 1, maxLength: 15 },
  ),
  lineEnd: fc.constantFrom('\n', '\r\n'),
});

describe('parseExecutionsCsv on generated files', () => {
  it('reads every good row as written and names the line and column of every spoiled one', () => {
    fc.assert(
      fc.property(file, ({ order, rows, lineEnd }) => {
        const text = [
          order.join(','),
          ...rows.map(({ row }) => order.map((c) => csvField(row[c])).join(',')),
        ]
          .map((line) => line + lineEnd)
          .join('');
        const read = parseExecutionsCsv(text);
        const at = (i: number) => `line ${i + 2}`;
        expect(read.executions).toEqual(
          rows.flatMap(({ row, column }, i) =>
            column === undefined
              ? [
                  {
                    at: at(i),
                    orderId: row.order_id,
                    execId: row.exec_id,
                    quantity: row.quantity,
                    price: row.price,
                    ...(row.date === '' ? {} : { date: row.date }),
                  },
                ]
              : [],
          ),
        );
        expect(read.problems.map((p) => [p.at, p.field])).toEqual(
          rows.flatMap(({ column }, i) => (column === undefined ? [] : [[at(i), column]])),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('answers for any text without throwing, each record read or named once', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (text) => {
        const csv = `order_id,exec_id,quantity,price\n${text}`;
        const read = parseExecutionsCsv(csv);
        const ats = read.executions.map((e) => e.at);
        expect(new Set(ats).size).toBe(ats.length);
        const problemAts = new Set(read.problems.map((p) => p.at));
        for (const a of ats) expect(problemAts.has(a)).toBe(false);
        // Every record after the header is an execution or a problem.
        const records = parseCsv(csv)
          .slice(1)
          .map((r) => `line ${r.line}`);
        expect([...ats, ...problemAts].sort()).toEqual(records.sort());
      }),
      { numRuns: 500 },
    );
  });
});
