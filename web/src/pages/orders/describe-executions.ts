/** What an executions import did, in the one line the orders page shows after it. */
import type { ExecutionsOutcome } from '../../api/types';
import { count, counted } from '../../format/format';
import type { ExecutionsFormat } from './executions-format';

/**
 * E.g. "Booked 3 executions, 1 taken back, 1 already booked, 1 refused; 2 lines unreadable." —
 * the counts that are zero left out, except the booked one, which is always said so a file sent
 * again reads "Booked 0 executions, 2 already booked." rather than as if nothing happened. A
 * FIX file's problems are messages, not lines, and its non-trade reports are said to be ignored.
 * "Taken back": trade busts applied to orders still open.
 */
export function describeExecutions(o: ExecutionsOutcome, format: ExecutionsFormat): string {
  const done = [
    `Booked ${counted(o.booked, 'execution')}`,
    ...(o.undone > 0 ? [`${count(o.undone)} taken back`] : []),
    ...(o.alreadyBooked > 0 ? [`${count(o.alreadyBooked)} already booked`] : []),
    ...(o.refused > 0 ? [`${count(o.refused)} refused`] : []),
  ].join(', ');
  const left = [
    ...(o.problems.length > 0
      ? [
          format === 'csv'
            ? `${counted(o.problems.length, 'line')} unreadable`
            : `${counted(o.problems.length, 'message')} unreadable`,
        ]
      : []),
    ...(o.ignored > 0 ? [`${counted(o.ignored, 'report')} ignored (not trades)`] : []),
  ];
  return `${[done, ...left].join('; ')}.`;
}
