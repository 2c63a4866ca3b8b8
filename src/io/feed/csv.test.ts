import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField } from '../orders/index.js';
import { parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads plain, quoted and escaped cells with the line each record starts on', () => {
    expect(parseCsv('id,name\nVTI,"Total, ""US"""\n')).toEqual([
      { line: 1, cells: ['id', 'name'] },
      { line: 2, cells: ['VTI', 'Total, "US"'] },
    ]);
  });

  it('treats CRLF like LF, skips blank lines and a byte-order mark', () => {
    expect(parseCsv('\uFEFFa,b\r\n\r\n1,2\r\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['1', '2'] },
    ]);
  });

  it('counts the lines of a multi-line quoted field, so later records keep editor line numbers', () => {
    const records = parseCsv('a,b\n1,"two\r\nlines\nhere"\n2,x\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 5]);
    expect(records[1]?.cells).toEqual(['1', 'two\nlines\nhere']);
  });

  it('keeps a ragged row as it is (the table reader reports it) and empty trailing cells', () => {
    expect(parseCsv('a,b,c\n1,2\n1,2,3,4\n1,,\n').map((r) => r.cells)).toEqual([
      ['a', 'b', 'c'],
      ['1', '2'],
      ['1', '2', '3', '4'],
      ['1', '', ''],
    ]);
  });

  it('reports an unclosed quote at the line it opened and text after a closing quote', () => {
    expect(parseCsv('a,b\n1,"oops\n2,3\n')[1]).toMatchObject({
      line: 2,
      problem: 'the quoted field opened on line 2 is never closed: add the closing "',
    });
    expect(parseCsv('a\n"x"y\n')[1]?.problem).toMatch(/text "y" follows a closing quote/);
  });

  it('reads back what csvField writes, line breaks in a cell as LF (fast-check)', () => {
    const cell = fc
      .array(fc.constantFrom('a', 'É', ' ', ',', '"', '\n', '\r', '\r\n', '""'), { maxLength: 6 })
      .map((parts) => parts.join(''));
    // A record of one cell that is empty or only spaces and line breaks is a blank line, which the
    // reader skips.
    const record = fc
      .array(cell, { minLength: 1, maxLength: 5 })
      .filter((cells) => cells.length > 1 || cells[0]!.trim() !== '');
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        (rows, eol) => {
          const text = rows.map((cells) => cells.map(csvField).join(',')).join(eol) + eol;
          const read = parseCsv(text);
          expect(read.map((r) => r.cells)).toEqual(
            rows.map((cells) =>
              cells.map((c) => c.replaceAll('\r\n', '\n').replaceAll('\r', '\n')),
            ),
          );
          expect(read.every((r) => r.problem === undefined)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
