import { describe, expect, it } from 'vitest';
import { amdOrder } from './amd.js';
import { analyze } from './symbolic.js';
import { closeUpward, splitCost, tailLast } from './tail-order.js';

/** Random symmetric pattern (strict upper pairs) and its full adjacency lists. */
function randomPattern(n: number, density: number, seed: number) {
  let s = seed >>> 0 || 1;
  const rand = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const rows: number[] = [];
  const cols: number[] = [];
  const lists: number[][] = Array.from({ length: n }, () => []);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < j; i++) {
      if (rand() >= density) continue;
      rows.push(i);
      cols.push(j);
      lists[i]!.push(j);
      lists[j]!.push(i);
    }
  }
  const ptr = new Int32Array(n + 1);
  lists.forEach((l, i) => (ptr[i + 1] = ptr[i]! + l.length));
  return {
    rows: Int32Array.from(rows),
    cols: Int32Array.from(cols),
    ptr,
    idx: Int32Array.from(lists.flat()),
    rand,
  };
}

/** Elimination tree of a pattern under `perm` (parent of pivot k, −1 for a root). */
function etreeUnder(n: number, rows: Int32Array, cols: Int32Array, perm: Int32Array) {
  const pinv = new Int32Array(n);
  perm.forEach((o, k) => (pinv[o] = k));
  const upper: number[][] = Array.from({ length: n }, () => []);
  rows.forEach((r, t) => {
    const a = pinv[r]!;
    const b = pinv[cols[t]!]!;
    upper[Math.max(a, b)]!.push(Math.min(a, b));
  });
  const parent = new Int32Array(n).fill(-1);
  const flag = new Int32Array(n).fill(-1);
  for (let j = 0; j < n; j++) {
    flag[j] = j;
    for (let i of upper[j]!) {
      for (; flag[i] !== j; i = parent[i]!) {
        if (parent[i] === -1) parent[i] = j;
        flag[i] = j;
      }
    }
  }
  const Kp = new Int32Array(n + 1);
  upper.forEach((u, j) => (Kp[j + 1] = Kp[j]! + u.length));
  return { parent, Kp, Ki: Int32Array.from(upper.flat()) };
}

describe('closeUpward', () => {
  it('marks the seeds and every ancestor, once each', () => {
    // 0 → 2 → 4, 1 → 2, 3 → 4 (4 is the root).
    const etree = Int32Array.from([2, 2, 4, 4, -1]);
    const { inTail, size } = closeUpward(etree, Uint8Array.from([1, 1, 0, 0, 0]));
    expect([...inTail]).toEqual([1, 1, 1, 0, 1]);
    expect(size).toBe(4);
  });

  it('marks nothing without seeds and rejects a seed array of the wrong length', () => {
    const etree = Int32Array.from([1, -1]);
    expect(closeUpward(etree, new Uint8Array(2)).size).toBe(0);
    expect(() => closeUpward(etree, new Uint8Array(3))).toThrow(/seed length/);
  });
});

describe('tailLast', () => {
  it('moves the marked pivots to the end, both parts in order', () => {
    const perm = Int32Array.from([5, 3, 0, 4, 1, 2]);
    const moved = tailLast(perm, Uint8Array.from([0, 1, 0, 1, 0, 0]));
    expect([...moved]).toEqual([5, 0, 1, 2, 3, 4]);
  });

  it('rejects marks of the wrong length', () => {
    expect(() => tailLast(Int32Array.from([0, 1]), new Uint8Array(1))).toThrow(/length/);
  });

  it('keeps the fill when an upward-closed set moves to the end (any seeds)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const n = 60;
      const g = randomPattern(n, 0.05, seed);
      const perm = amdOrder(n, g.ptr, g.idx);
      const { parent } = etreeUnder(n, g.rows, g.cols, perm);
      const seeds = Uint8Array.from({ length: n }, () => (g.rand() < 0.05 ? 1 : 0));
      const { inTail, size } = closeUpward(parent, seeds);
      const moved = tailLast(perm, inTail);
      const before = analyze(n, g.rows, g.cols, g.rows.length, perm);
      const after = analyze(n, g.rows, g.cols, g.rows.length, moved);
      expect(after.lnz).toBe(before.lnz);
      expect(moved.subarray(n - size).every((o) => inTail[before.pinv[o]!] === 1)).toBe(true);
    }
  });
});

describe('splitCost', () => {
  // Arrow pattern: pivots 0..m−1 each linked to the last pivot m; L's column c < m is {m}.
  const m = 6;
  const Kp = Int32Array.from({ length: m + 2 }, (_, j) => (j <= m ? 0 : m));
  const Ki = Int32Array.from({ length: m }, (_, i) => i);
  const etree = Int32Array.from({ length: m + 1 }, (_, i) => (i < m ? m : -1));
  const counts = Int32Array.from({ length: m + 1 }, (_, i) => (i < m ? 1 : 0));
  const mark = (...tail: number[]): Uint8Array => {
    const inTail = new Uint8Array(m + 1);
    for (const k of tail) inTail[k] = 1;
    return inTail;
  };

  it('prices an all-sparse split by the up-looking work and a tail split by the panels', () => {
    // All sparse: each column has one sparse entry (weight 4 · 1²/2), no dense block.
    expect(splitCost(Kp, Ki, etree, counts, mark())).toBe(m * 2);
    // Pivot m in the tail: each column is one panel entry (1²/2), plus the 1×1 dense block.
    expect(splitCost(Kp, Ki, etree, counts, mark(m))).toBe(m * 0.5 + 1 / 6);
    // Pivots 0 and m in the tail: five panel columns and a 2×2 dense block.
    expect(splitCost(Kp, Ki, etree, counts, mark(0, m))).toBe((m - 1) * 0.5 + 8 / 6);
  });

  it('rejects tail marks of the wrong length', () => {
    expect(() => splitCost(Kp, Ki, etree, counts, new Uint8Array(m))).toThrow(/length/);
  });
});
