import { describe, expect, it } from 'vitest';
import type { ExecutionsOutcome } from '../../api/types';
import { describeExecutions } from './describe-executions';

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

const problems = (n: number, unit: 'line' | 'message'): ExecutionsOutcome['problems'] =>
  Array.from({ length: n }, (_, i) => ({ at: `${unit} ${i + 2}`, message: 'unreadable' }));

describe('the line after an executions import', () => {
  it('says every count that is not zero', () => {
    const o = outcome({ booked: 3, alreadyBooked: 1, refused: 1, problems: problems(2, 'line') });
    expect(describeExecutions(o, 'csv')).toBe(
      'Booked 3 executions, 1 already booked, 1 refused; 2 lines unreadable.',
    );
    expect(describeExecutions({ ...o, undone: 2 }, 'fix')).toBe(
      'Booked 3 executions, 2 taken back, 1 already booked, 1 refused; 2 messages unreadable.',
    );
  });

  it('says a clean file was booked, one execution in the singular', () => {
    expect(describeExecutions(outcome({ booked: 1 }), 'csv')).toBe('Booked 1 execution.');
    expect(describeExecutions(outcome({ booked: 1200 }), 'fix')).toBe('Booked 1,200 executions.');
  });

  it('says a file sent again booked nothing, not that it did nothing', () => {
    expect(
      describeExecutions(outcome({ alreadyBooked: 2, problems: problems(1, 'line') }), 'csv'),
    ).toBe('Booked 0 executions, 2 already booked; 1 line unreadable.');
  });

  it("counts a FIX file's problems as messages and says its other reports were ignored", () => {
    const o = outcome({ booked: 2, ignored: 3, problems: problems(1, 'message') });
    expect(describeExecutions(o, 'fix')).toBe(
      'Booked 2 executions; 1 message unreadable; 3 reports ignored (not trades).',
    );
  });
});
