import { describe, expect, it } from 'vitest';
import { amdOrder } from './amd.js';
import { analyze } from './symbolic.js';

/**
 * The KKT pattern of a small rebalance: per security i three lot sells s and a buy b in a
 * holdings row H_i with the weight w_i; k factor rows F_j linking every w; a cash row and a
 * turnover row linking every s and b.
 */
function smallRebalancePattern(n: number, k: number) {
  const lots = 3 * n;
  const S = 0;
  const B = lots;
  const W = lots + n;
  const H = lots + 2 * n;
  const F = H + n;
  const CASH = F + k;
  const TURN = CASH + 1;
  const size = TURN + 1;
  const rows: number[] = [];
  const cols: number[] = [];
  const link = (a: number, b: number): void => {
    rows.push(Math.min(a, b));
    cols.push(Math.max(a, b));
  };
  for (let i = 0; i < n; i++) {
    for (let l = 0; l < 3; l++) {
      link(S + 3 * i + l, H + i);
      link(S + 3 * i + l, CASH);
      link(S + 3 * i + l, TURN);
    }
    link(B + i, H + i);
    link(B + i, CASH);
    link(B + i, TURN);
    link(W + i, H + i);
    for (let j = 0; j < k; j++) link(W + i, F + j);
  }
  return { size, rows: Int32Array.from(rows), cols: Int32Array.from(cols) };
}

function adjacency(size: number, rows: Int32Array, cols: Int32Array) {
  const lists: number[][] = Array.from({ length: size }, () => []);
  rows.forEach((r, t) => {
    lists[r]!.push(cols[t]!);
    lists[cols[t]!]!.push(r);
  });
  const ptr = new Int32Array(size + 1);
  lists.forEach((l, i) => (ptr[i + 1] = ptr[i]! + l.length));
  return { ptr, idx: Int32Array.from(lists.flat()) };
}

const flops = (sym: ReturnType<typeof analyze>): number => {
  // Σ (column count)² from the L pattern: sparse columns, panel rows and the dense tail.
  const { tail } = sym;
  let total = 0;
  for (let c = 0; c < tail.ns; c++) {
    const below = tail.Sp[c + 1]! - tail.Sp[c]!;
    total += below * below;
  }
  return total + (tail.t * tail.t * tail.t) / 3;
};

describe('symbolic analysis ordering', () => {
  it('orders the linking rows of a small rebalance last, halving the dense tail', () => {
    const { size, rows, cols } = smallRebalancePattern(20, 20);
    const adj = adjacency(size, rows, cols);
    const usual = analyze(size, rows, cols, rows.length, amdOrder(size, adj.ptr, adj.idx));
    const chosen = analyze(size, rows, cols, rows.length);
    expect(usual.tail.t).toBeGreaterThanOrEqual(40);
    expect(chosen.tail.t).toBeLessThan(30);
    expect(flops(chosen)).toBeLessThan(flops(usual));
  });

  it('keeps the usual ordering when the stricter dense test would cost more', () => {
    // 200 securities: the stricter test would also set aside the factor rows (degree 200 >
    // 5√n), which belong inside the elimination; the analysis must not take that ordering.
    const { size, rows, cols } = smallRebalancePattern(200, 10);
    const adj = adjacency(size, rows, cols);
    const usual = analyze(size, rows, cols, rows.length, amdOrder(size, adj.ptr, adj.idx));
    const chosen = analyze(size, rows, cols, rows.length);
    expect(chosen.lnz).toBeLessThanOrEqual(usual.lnz);
  });
});
