import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Slab } from './slab.js';

type Kind = 'f64' | 'i32' | 'u8';
const BYTES: Record<Kind, number> = { f64: 8, i32: 4, u8: 1 };

function take(slab: Slab, kind: Kind, length: number): Float64Array | Int32Array | Uint8Array {
  return kind === 'f64' ? slab.f64(length) : kind === 'i32' ? slab.i32(length) : slab.u8(length);
}

describe('Slab', () => {
  it('hands out zeroed arrays of the lengths asked for, from one first chunk', () => {
    const slab = new Slab(8 * 10 + 4 * 6 + 8);
    const a = slab.f64(10);
    const b = slab.i32(5);
    const c = slab.u8(3);
    expect([a.length, b.length, c.length]).toEqual([10, 5, 3]);
    expect(b.buffer).toBe(a.buffer);
    expect(c.buffer).toBe(a.buffer);
    expect([...a, ...b, ...c].every((v) => v === 0)).toBe(true);
  });

  it('starts a new chunk when the first is full, and gives a large array a buffer of its own', () => {
    const slab = new Slab(16);
    const a = slab.f64(2);
    const b = slab.f64(1);
    expect(b.buffer).not.toBe(a.buffer);
    const big = slab.f64(1000);
    expect(big.buffer.byteLength).toBe(8000);
    expect(slab.f64(1).buffer).toBe(b.buffer);
  });

  it('in a region: 16-byte aligned views of that buffer only, and a bug when it is full', () => {
    const buffer = new ArrayBuffer(256);
    const slab = new Slab(0, { buffer, start: 32, end: 96 });
    const a = slab.u8(3);
    const b = slab.f64(3);
    const c = slab.i32(2);
    expect([a.byteOffset, b.byteOffset, c.byteOffset]).toEqual([32, 48, 80]);
    for (const view of [a, b, c]) expect(view.buffer).toBe(buffer);
    expect(() => slab.f64(1)).toThrow(/slab region of 96 bytes is full: 8 more asked/);
  });

  it('copies a prefix (i32From is slice(0, length))', () => {
    const source = Int32Array.of(3, 1, 4, 1, 5);
    const slab = new Slab();
    expect([...slab.i32From(source, 3)]).toEqual([3, 1, 4]);
    const whole = slab.i32From(source);
    source[0] = 9;
    expect([...whole]).toEqual([3, 1, 4, 1, 5]);
  });

  it('never lets two arrays share an element, and keeps every one aligned and zeroed', () => {
    const request = fc.record({
      kind: fc.constantFrom<Kind>('f64', 'i32', 'u8'),
      length: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 3000 })),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.array(request, { maxLength: 40 }),
        (first, asks) => {
          const slab = new Slab(first);
          const taken = asks.map(({ kind, length }) => ({ kind, array: take(slab, kind, length) }));
          // Fill each with its own mark, then check that no later write reached an earlier array.
          taken.forEach(({ array }, k) => {
            expect(array.every((v) => v === 0)).toBe(true);
            array.fill((k % 100) + 1);
          });
          taken.forEach(({ kind, array }, k) => {
            expect(array.byteOffset % BYTES[kind]).toBe(0);
            expect(array.byteOffset % 8).toBe(0);
            expect(array.every((v) => v === (k % 100) + 1)).toBe(true);
          });
          taken.forEach(({ array }, k) => expect(array.length).toBe(asks[k]!.length));
        },
      ),
    );
  });
});
