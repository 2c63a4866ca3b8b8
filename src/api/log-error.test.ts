import { describe, expect, it } from 'vitest';
import { errorText } from './log-error.js';

describe('errors in the server log', () => {
  it("keeps a failed query's text and cause but never its parameters", () => {
    const cause = new Error('duplicate key value violates unique constraint "sessions_pkey"');
    const error = new Error(
      'Failed query: insert into "sessions" values ($1, $2)\nparams: abc123,csrf-secret',
      { cause },
    );
    const text = errorText(error);
    expect(text).toContain('Failed query: insert into "sessions"');
    expect(text).toContain('caused by: Error: duplicate key');
    expect(text).not.toContain('csrf-secret');
  });

  it('writes what is not an Error as text', () => {
    expect(errorText('plain')).toBe('plain');
    expect(errorText(undefined)).toBe('');
  });
});
