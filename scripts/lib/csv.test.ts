import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and empty cells', () => {
    const text = 'a,b,c\r\n"Saint Paul, Minnesota","say ""hi""",\n1,,3';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['Saint Paul, Minnesota', 'say "hi"', ''],
      ['1', '', '3'],
    ]);
  });

  it('round-trips what toCsv writes', () => {
    const rows = [
      ['x', 'y, z'],
      ['"q"', ''],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});
