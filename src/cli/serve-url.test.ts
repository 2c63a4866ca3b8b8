import { describe, expect, it } from 'vitest';
import { listeningLine, servedUrl } from './serve-url.js';

describe('the listening line of tailor serve', () => {
  it('is found in the output it starts, and not before it is printed', () => {
    const line = listeningLine('http://127.0.0.1:3000', 'store: ./.tailor/db');
    expect(servedUrl(`${line}\ndemo logins:\n`)).toBe('http://127.0.0.1:3000');
    expect(servedUrl('building the demo firm…\n')).toBeUndefined();
    expect(servedUrl('tailor serve: could not close cleanly')).toBeUndefined();
  });
});
