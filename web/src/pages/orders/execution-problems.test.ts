import { describe, expect, it } from 'vitest';
import type { ExecutionResult, ExecutionsOutcome } from '../../api/types';
import { executionProblemRows } from './execution-problems';

const result = (
  at: string,
  execId: string,
  outcome: ExecutionResult['outcome'],
  message: string,
): ExecutionResult => ({
  at,
  orderId: 'ORD-1',
  execId,
  outcome,
  message,
  status: outcome === 'refused' ? null : 'open',
  filledQuantity: outcome === 'refused' ? null : 10,
  remainingQuantity: outcome === 'refused' ? null : 90,
});

const outcome = (o: Partial<ExecutionsOutcome>): ExecutionsOutcome => ({
  booked: 0,
  undone: 0,
  alreadyBooked: 0,
  refused: 0,
  ignored: 0,
  problems: [],
  results: [],
  ...o,
});

describe('the problems table after an executions import', () => {
  it('lists unreadable lines and refusals together, in file order', () => {
    const o = outcome({
      problems: [
        {
          at: 'line 3',
          field: 'quantity',
          message: 'quantity must be above 0',
          orderId: 'ORD-2',
          execId: 'E-7',
        },
        { at: 'line 12', message: 'a quote is not closed' },
      ],
      results: [
        result('line 2', 'E-1', 'booked', 'booked'),
        result('line 10', 'E-9', 'refused', 'ORD-1 is filled'),
        result('line 4', 'E-2', 'alreadyBooked', 'booked before'),
      ],
    });
    expect(executionProblemRows(o)).toEqual([
      // An unreadable line names its order and execution where those cells could be read.
      {
        at: 'line 3 (quantity)',
        orderId: 'ORD-2',
        execId: 'E-7',
        message: 'quantity must be above 0',
      },
      { at: 'line 10', orderId: 'ORD-1', execId: 'E-9', message: 'ORD-1 is filled' },
      { at: 'line 12', orderId: null, execId: null, message: 'a quote is not closed' },
    ]);
  });

  it('keeps two problems of one line in the order the server gave them', () => {
    const o = outcome({
      problems: [
        { at: 'message 2', field: '31', message: 'LastPx missing' },
        { at: 'message 2', field: '32', message: 'LastQty missing' },
        { at: 'message 1', field: '10', message: 'CheckSum does not match' },
      ],
    });
    expect(executionProblemRows(o).map((r) => r.at)).toEqual([
      'message 1 (10)',
      'message 2 (31)',
      'message 2 (32)',
    ]);
  });

  it('is empty when every execution was booked now or before', () => {
    const o = outcome({
      results: [
        result('line 2', 'E-1', 'booked', 'booked'),
        result('line 3', 'E-2', 'alreadyBooked', 'booked before'),
      ],
    });
    expect(executionProblemRows(o)).toEqual([]);
  });
});
