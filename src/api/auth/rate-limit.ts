/**
 * Login rate limit: after 5 failures within 15 minutes for a username, or from a client
 * address, further attempts are refused until the oldest failure is 15 minutes old — even with
 * the right password, so guessing gains nothing. Kept in memory (one server process).
 */
export interface LimitVerdict {
  allowed: boolean;
  /** Seconds until the next attempt may be made (when not allowed). */
  retryAfterSeconds: number;
}

/** Limits (defaults: 5 failures, 15 minutes, 100,000 keys). */
export interface LoginLimiterOptions {
  maxFailures?: number;
  windowMs?: number;
  /** Keys tracked at most (the oldest are forgotten first): memory stays bounded. */
  maxKeys?: number;
}

/** Failed logins per username and per address, in memory. */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly max: number;
  private readonly windowMs: number;
  private readonly maxKeys: number;

  constructor(o: LoginLimiterOptions = {}) {
    this.max = o.maxFailures ?? 5;
    this.windowMs = o.windowMs ?? 15 * 60_000;
    this.maxKeys = o.maxKeys ?? 100_000;
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  private keys(username: string, address: string): string[] {
    return [`user:${username.toLowerCase()}`, `addr:${address}`];
  }

  /** Whether an attempt for `username` from `address` may go ahead at `now` (ms). */
  check(username: string, address: string, now: number): LimitVerdict {
    let wait = 0;
    for (const key of this.keys(username, address)) {
      const recent = this.recent(key, now);
      if (recent.length >= this.max)
        wait = Math.max(wait, recent[recent.length - this.max]! + this.windowMs - now);
    }
    return { allowed: wait <= 0, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
  }

  /** Counts a failed attempt against the username and the address. */
  fail(username: string, address: string, now: number): void {
    for (const key of this.keys(username, address)) {
      const recent = this.recent(key, now);
      // Re-inserted so the map's order is least recently failed first (forgotten first).
      this.failures.delete(key);
      this.failures.set(key, [...recent, now]);
    }
    while (this.failures.size > this.maxKeys)
      this.failures.delete(this.failures.keys().next().value!);
  }

  /**
   * A successful login clears its username's failures — not its address's: logging in to one's
   * own account must not reset guessing at others.
   */
  succeed(username: string): void {
    this.failures.delete(`user:${username.toLowerCase()}`);
  }
}
