import { describe, expect, it } from 'vitest';
import { csvDocument, csvRow } from './csv-format.js';
import { dailyCsv, summaryCsv, yearlyCsv } from './csv.js';
import { makeResult } from './testing/fixture.js';

/** Records of an RFC 4180 document (fields may hold quoted commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

describe('csv format', () => {
  it('quotes commas, quotes and line breaks, and nothing else', () => {
    expect(csvRow(['plain', 'a,b', 'say "hi"', 'two\nlines', 1.5, null])).toBe(
      'plain,"a,b","say ""hi""","two\nlines",1.5,',
    );
    const doc = csvDocument(['x'], [['a,b'], ['c']]);
    expect(doc).toBe('x\r\n"a,b"\r\nc\r\n');
    expect(parseCsv(doc)).toEqual([['x'], ['a,b'], ['c']]);
  });

  it('writes numbers at full precision without separators; non-finite as empty', () => {
    expect(csvRow([0.1 + 0.2, 1234567.891, NaN, -Infinity])).toBe(
      '0.30000000000000004,1234567.891,,',
    );
  });
});

describe('report CSVs', () => {
  const result = makeResult();

  it('yearlyCsv: a row per year with both arms and tax alpha', () => {
    const rows = parseCsv(yearlyCsv(result));
    expect(rows).toHaveLength(1 + 3);
    const header = rows[0]!;
    // year + 11 fields per arm + tax_alpha
    expect(header).toHaveLength(1 + 2 * 11 + 1);
    expect(header[0]).toBe('year');
    expect(header).toContain('harvest_after_tax_return');
    expect(header).toContain('no_harvest_wash_sale_disallowed_usd');
    expect(header[header.length - 1]).toBe('tax_alpha');
    const second = Object.fromEntries(header.map((h, i) => [h, rows[2]![i]]));
    expect(second.year).toBe('2021');
    expect(Number(second.tax_alpha)).toBe(-0.004);
    expect(Number(second.harvest_turnover)).toBe(result.years[1]!.harvest.turnover);
    expect(Number(second.no_harvest_end_value_usd)).toBe(result.years[1]!.noHarvest.endValueUsd);
  });

  it('dailyCsv: a row per day, dates quoted when they need it', () => {
    const rows = parseCsv(dailyCsv(result));
    expect(rows).toHaveLength(1 + 30);
    expect(rows[0]).toEqual([
      'date',
      'harvest_value_usd',
      'no_harvest_value_usd',
      'benchmark_value_usd',
      'cumulative_harvested_loss_usd',
    ]);
    expect(Number(rows[5]![1])).toBe(result.daily[4]!.harvestValueUsd);
    result.daily[0]!.date = 'Jan 2, 2020';
    expect(dailyCsv(result).split('\r\n')[1]).toMatch(/^"Jan 2, 2020",/);
  });

  it('summaryCsv: metric,value rows with dotted names', () => {
    const rows = parseCsv(summaryCsv(result));
    expect(rows[0]).toEqual(['metric', 'value']);
    const map = new Map(rows.slice(1).map(([m, v]) => [m!, v!]));
    expect(map.get('harvest.afterTaxReturnAnnual')).toBe('0.081');
    expect(map.get('noHarvest.endValueUsd')).toBe('1280000');
    expect(map.get('washSales.disallowedUsd')).toBe('751.5');
    expect(map.get('taxAlphaAnnual')).toBe('0.006');
    expect(map.get('preTaxDifferenceAnnual')).toBe('0.001');
    // 7 top-level numbers + 3 wash-sale figures + 14 per arm
    expect(rows).toHaveLength(1 + 7 + 3 + 2 * 14);
  });
});
