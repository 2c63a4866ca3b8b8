import { describe, expect, it } from 'vitest';
import { executionsFormat } from './executions-format';

describe('the format of an executions file', () => {
  it('is csv for a file named .csv, in any case', () => {
    expect(executionsFormat('executions.csv')).toBe('csv');
    expect(executionsFormat('BROKER-2025-03-14.CSV')).toBe('csv');
    expect(executionsFormat('fills.v2.Csv')).toBe('csv');
  });

  it('is fix for any other name, even one that only mentions csv', () => {
    expect(executionsFormat('drop-copy.fix')).toBe('fix');
    expect(executionsFormat('executions.txt')).toBe('fix');
    expect(executionsFormat('executions.csv.txt')).toBe('fix');
    expect(executionsFormat('csv')).toBe('fix');
    expect(executionsFormat('executions')).toBe('fix');
  });
});
