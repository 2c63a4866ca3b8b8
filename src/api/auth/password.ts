/**
 * Password hashing: scrypt (memory-hard: N = 2^15, r = 8, p = 1, so 32 MiB per hash) with a
 * random 16-byte salt, stored as `scrypt$15$8$1$<salt>$<hash>` (base64url) so the parameters
 * can be raised later without breaking old hashes. Compared in constant time.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const LOG_N = 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;

/** scrypt needs 128 · N · r bytes; the default cap (32 MiB) is exactly that, so allow twice. */
const maxmemOf = (logN: number, r: number): number => 2 * 128 * 2 ** logN * r;

function derive(password: string, salt: Buffer, o: ScryptOptions, bytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, bytes, o, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** Hashes a password for storage (asynchronous: it never blocks the event loop). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(
    password,
    salt,
    { N: 2 ** LOG_N, r: R, p: P, maxmem: maxmemOf(LOG_N, R) },
    KEY_BYTES,
  );
  return ['scrypt', LOG_N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `password` matches `stored` (false, never an exception, for a malformed hash). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [logN, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![logN, r, p].every((n) => Number.isInteger(n) && n > 0) || logN > 20 || r > 32 || p > 16)
    return false;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (expected.length === 0) return false;
  const key = await derive(
    password,
    salt,
    { N: 2 ** logN, r, p, maxmem: maxmemOf(logN, r) },
    expected.length,
  );
  return timingSafeEqual(key, expected);
}

let decoy: Promise<string> | undefined;

/**
 * Spends the time of one verification against a throwaway hash: a login for an unknown user
 * takes as long as a wrong password, so timing does not tell which usernames exist.
 */
export async function verifyDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(randomBytes(12).toString('base64url'));
  await verifyPassword(password, await decoy);
  return false;
}
