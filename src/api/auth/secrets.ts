/**
 * Random secrets (session cookies, CSRF and API tokens) and their SHA-256, which is what the
 * store keeps: a copy of the tables cannot be replayed as credentials.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url, with an optional prefix that tells what the secret is. */
export const newSecret = (prefix = ''): string =>
  `${prefix}${randomBytes(32).toString('base64url')}`;

/** A short random id (API token ids). */
export const newId = (prefix: string): string => `${prefix}${randomBytes(8).toString('hex')}`;

/** SHA-256, hex. */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Constant-time equality of two strings (false when the lengths differ). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Every API token starts with this, so a leaked one is easy to recognise (and to scan for). */
export const TOKEN_PREFIX = 'tailor_';
