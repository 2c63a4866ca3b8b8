import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './rate-limit.js';

describe('the login limiter', () => {
  it('allows 5 failures in 15 minutes, then refuses until the oldest is 15 minutes old', () => {
    const l = new LoginLimiter();
    for (let i = 0; i < 5; i++) {
      expect(l.check('ann', 'a1', i * 1000).allowed).toBe(true);
      l.fail('ann', 'a1', i * 1000);
    }
    const refused = l.check('ANN', 'a2', 10_000);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 890 });
    expect(l.check('bob', 'a1', 10_000).allowed).toBe(false);
    expect(l.check('bob', 'a2', 10_000).allowed).toBe(true);
    expect(l.check('ann', 'a2', 15 * 60_000 + 1).allowed).toBe(true);
  });

  it('clears a username (not its address) on success, and forgets the oldest keys first', () => {
    const l = new LoginLimiter({ maxFailures: 2, maxKeys: 4 });
    l.fail('ann', 'a1', 0);
    l.fail('ann', 'a1', 0);
    l.succeed('Ann');
    expect(l.check('ann', 'a9', 1).allowed).toBe(true);
    expect(l.check('zed', 'a1', 1).allowed).toBe(false);
    l.fail('x', 'b1', 2);
    l.fail('x', 'b1', 2);
    l.fail('y', 'b2', 3);
    // Four keys at most: ann's address (the least recently failed) was forgotten.
    expect(l.check('zed', 'a1', 4).allowed).toBe(true);
  });
});
