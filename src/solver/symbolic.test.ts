import { describe, expect, it } from 'vitest';
import { amdOrder } from './amd.js';
import { LdlFactor } from './ldl.js';
import { analyze, orderingFactors } from './symbolic.js';

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
  // Variables (s, b, w) pivot positive, rows (H, F, cash, turnover) negative.
  const sign = Array.from({ length: size }, (_, i) => (i < H ? 1 : -1));
  return { size, rows: Int32Array.from(rows), cols: Int32Array.from(cols), sign };
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

/**
 * Factorises a random quasi-definite K with the pattern (diagonal dominance gives the intended
 * pivot signs), solves K x = b and returns max |b − K x|.
 */
function solveResidual(
  sym: ReturnType<typeof analyze>,
  rows: Int32Array,
  cols: Int32Array,
  sign: readonly number[],
): number {
  const size = sym.n;
  let s = 7;
  const rand = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const vals = Float64Array.from(rows, () => rand() * 2 - 1);
  const diagU = new Float64Array(size);
  const off = new Float64Array(size);
  rows.forEach((r, t) => {
    off[r]! += Math.abs(vals[t]!);
    off[cols[t]!]! += Math.abs(vals[t]!);
  });
  for (let i = 0; i < size; i++) diagU[i] = sign[i]! * (off[i]! + 1);
  const Kx = new Float64Array(sym.Ki.length);
  vals.forEach((v, t) => (Kx[sym.entrySlot[t]!] = v));
  const diag = Float64Array.from(sym.perm, (o) => diagU[o]!);
  const signP = Int8Array.from(sym.perm, (o) => sign[o]!);
  const f = new LdlFactor(sym);
  f.setOffDiagonal(Kx);
  f.factor(Kx, diag, signP, 1e-12, 1e-7);
  if (f.regularizedPivots !== 0) return Infinity;
  const b = Float64Array.from({ length: size }, () => rand());
  const xp = Float64Array.from(sym.perm, (o) => b[o]!);
  f.solveInPlace(xp);
  const x = new Float64Array(size);
  sym.perm.forEach((o, kk) => (x[o] = xp[kk]!));
  // r = b − K x over the triplets and the diagonal.
  const r = Float64Array.from(b, (bi, i) => bi - diagU[i]! * x[i]!);
  rows.forEach((i, t) => {
    const j = cols[t]!;
    r[i]! -= vals[t]! * x[j]!;
    r[j]! -= vals[t]! * x[i]!;
  });
  return Math.max(...r.map(Math.abs));
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

  it('keeps the weights, not half the factor rows, in the tail of a system with more factors than securities', () => {
    // 20 securities, 40 factors: AMD eliminates 20 factor rows (each joins the weights into a
    // clique), then the weights, leaving 20 factor rows and 20 weights in the tail; the other
    // factor rows then touch only the clique of weights and move out of the tail.
    const { size, rows, cols, sign } = smallRebalancePattern(20, 40);
    const adj = adjacency(size, rows, cols);
    const usual = analyze(size, rows, cols, rows.length, amdOrder(size, adj.ptr, adj.idx, 5));
    const chosen = analyze(size, rows, cols, rows.length);
    expect(usual.tail.t).toBeGreaterThanOrEqual(40);
    expect(chosen.tail.t).toBeLessThanOrEqual(30);
    expect(chosen.lnz).toBeLessThan(usual.lnz);
    expect(flops(chosen)).toBeLessThan(0.7 * flops(usual));
    expect(solveResidual(chosen, rows, cols, sign)).toBeLessThan(1e-10);
  });

  it('keeps the usual ordering when the stricter dense test would cost more', () => {
    // 160 securities (972 pivots): the stricter test would also set aside the factor rows
    // (degree 160 > 5√972), which belong inside the elimination; the analysis must not take
    // that ordering.
    const { size, rows, cols } = smallRebalancePattern(160, 10);
    const adj = adjacency(size, rows, cols);
    expect(orderingFactors(size, adj.ptr)).toEqual([10, 5]);
    const usual = analyze(size, rows, cols, rows.length, amdOrder(size, adj.ptr, adj.idx));
    const strict = analyze(size, rows, cols, rows.length, amdOrder(size, adj.ptr, adj.idx, 5));
    const chosen = analyze(size, rows, cols, rows.length);
    expect(strict.lnz).toBeGreaterThan(usual.lnz);
    expect(chosen.lnz).toBeLessThanOrEqual(usual.lnz);
  });

  it('analyses the stricter dense test only for a small system with a row it sets apart', () => {
    const small = smallRebalancePattern(20, 20);
    expect(orderingFactors(small.size, adjacency(small.size, small.rows, small.cols).ptr)).toEqual([
      10, 5,
    ]);
    // 100 securities, 3 factors (605 pivots): no row of degree between 5√n and 10√n (factor
    // rows 100 < 5√605, cash and turnover rows 400 > 10√605), so both tests set apart the
    // same rows and give the same ordering.
    const same = smallRebalancePattern(100, 3);
    const adjSame = adjacency(same.size, same.rows, same.cols);
    expect(orderingFactors(same.size, adjSame.ptr)).toEqual([10]);
    const alt = amdOrder(same.size, adjSame.ptr, adjSame.idx, 5);
    expect(alt).toEqual(amdOrder(same.size, adjSame.ptr, adjSame.idx, 10));
    // 400 securities (2,422 pivots): only the usual test, whatever the degrees.
    const large = smallRebalancePattern(400, 20);
    expect(orderingFactors(large.size, adjacency(large.size, large.rows, large.cols).ptr)).toEqual([
      10,
    ]);
  });
});

/**
 * A household of `groups` accounts: per security i a buy b and a holding w in a holdings row H_i
 * (b also in the account's cash row), k factor rows F_j per account linking every w of that
 * account, each with its factor variable g_j. Returns the pattern and the expected pivot sign
 * (+1 variables, −1 rows).
 */
function householdPattern(groups: number, m: number, k: number) {
  const rows: number[] = [];
  const cols: number[] = [];
  const sign: number[] = [];
  const node = (s: number): number => sign.push(s) - 1;
  const link = (a: number, b: number): void => {
    rows.push(Math.min(a, b));
    cols.push(Math.max(a, b));
  };
  for (let g = 0; g < groups; g++) {
    const cash = node(-1);
    const factorRows = Array.from({ length: k }, () => node(-1));
    for (const f of factorRows) link(f, node(1));
    for (let i = 0; i < m; i++) {
      const h = node(-1);
      const b = node(1);
      const w = node(1);
      link(b, h);
      link(w, h);
      link(b, cash);
      for (const f of factorRows) link(w, f);
    }
  }
  return { size: sign.length, rows: Int32Array.from(rows), cols: Int32Array.from(cols), sign };
}

describe('dense tail of a multi-account household', () => {
  const groups = 3;
  const k = 20;
  const { size, rows, cols, sign } = householdPattern(groups, 300, k);

  it('gathers every account’s factor rows into the tail without extra fill', () => {
    const adj = adjacency(size, rows, cols);
    const usual = analyze(size, rows, cols, rows.length, amdOrder(size, adj.ptr, adj.idx));
    const chosen = analyze(size, rows, cols, rows.length);
    // AMD eliminates each account's factor rows once its weights are gone, so the usual
    // ordering ends with at most the last accounts' rows.
    expect(usual.tail.t).toBeLessThan(groups * k);
    expect(chosen.tail.t).toBeGreaterThanOrEqual(groups * k);
    expect(chosen.lnz).toBeLessThanOrEqual(usual.lnz);
    // The weights' updates of the factor rows move from the sparse kernel to the panels.
    const sparseWork = (sym: ReturnType<typeof analyze>): number =>
      flops(sym) - sym.tail.t ** 3 / 3;
    expect(sparseWork(chosen)).toBeLessThan(0.1 * sparseWork(usual));
  });

  it('factorises the gathered pattern exactly (residual of a solve)', () => {
    expect(solveResidual(analyze(size, rows, cols, rows.length), rows, cols, sign)).toBeLessThan(
      1e-10,
    );
  });
});
