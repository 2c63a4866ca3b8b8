import { describe, expect, it } from 'vitest';
import { tableCount } from './table-count';

describe('the table count', () => {
  it('says rows shown of rows loaded when the rows are the whole list', () => {
    expect(tableCount(12, 29)).toBe('12 of 29');
    expect(tableCount(29, 29, 29)).toBe('29 of 29');
  });

  it('says how many the server has when the rows are one page of them', () => {
    expect(tableCount(1000, 1000, 46402)).toBe('1,000 of 1,000 loaded · 46,402 in all');
    expect(tableCount(3, 1000, 1001)).toBe('3 of 1,000 loaded · 1,001 in all');
  });
});
