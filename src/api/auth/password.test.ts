import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('hashes with scrypt and a fresh salt, and verifies only the right password', async () => {
    const [a, b] = await Promise.all([
      hashPassword('s3cret-enough'),
      hashPassword('s3cret-enough'),
    ]);
    expect(a).toMatch(/^scrypt\$15\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('s3cret-enough', a)).toBe(true);
    expect(await verifyPassword('s3cret-enougH', a)).toBe(false);
  });

  it('refuses malformed or absurd hashes instead of throwing', async () => {
    for (const stored of [
      '',
      'plain',
      'scrypt$15$8$1$c2FsdA$',
      'scrypt$40$8$1$c2FsdA$aGFzaA',
      'bcrypt$x$y$z$a$b',
    ])
      expect(await verifyPassword('anything', stored)).toBe(false);
  });
});
