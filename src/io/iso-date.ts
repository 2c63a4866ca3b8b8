import { z } from 'zod';
import { describeInput } from './describe-input.js';

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date as `YYYY-MM-DD` that exists in the Gregorian calendar: `2024-02-29` is
 * accepted, `2023-02-29` and `2024-04-31` are not. zod's ISO date pattern encodes the month
 * lengths and leap years, and JSON Schema carries it as `format: date` plus that pattern.
 */
export const IsoDateSchema = z.iso.date({
  error: (issue) =>
    typeof issue.input === 'string' && DATE_SHAPE.test(issue.input)
      ? `expected a real calendar date, found ${describeInput(issue.input)} (no such day)`
      : `expected a date as YYYY-MM-DD, found ${describeInput(issue.input)}`,
});
