/**
 * Splitting L into a sparse part, dense panels and a dense trailing block.
 *
 * After a fill-reducing ordering, KKT systems of this kind end in a nearly dense block (linking
 * rows such as factor definitions, cash and turnover) that many sparse columns update. With
 * pivots split as S = [0, ns) and T = [ns, n):
 *
 *     L = [ L_SS   0   ]     L_SS sparse (CSC),
 *         [ L_TS  L_TT ]     L_TT dense (t × t), t = n − ns,
 *
 * and L_TS stored as panels: S-columns whose T-parts have the same row set are grouped, and each
 * group is a dense p × G row-major block. L_TS is computed column-wise: K_TS is scattered into
 * the panels, each S-column c pushes acc(c)·L[r, c] into the T-part of every S-row r of its
 * sparse part (acc = L_TS·D), and a final pass divides by D. The Schur complement
 * K_TT − L_TS D_S L_TSᵀ is a set of dense dot products. See chooseSplit for the split.
 */
import { buildPanels, panelSlot, type Panels } from './panels.js';
import { Slab } from './slab.js';

const DENSE_FRACTION = 0.5;

/**
 * A leading tail pivot whose column of L (within the tail) is below this fraction full moves to
 * the panels. In the dense tail it costs ≈ t²/2 multiply-adds per factorisation (its update of
 * the block below); as a panel column it costs c²/2 for its c tail rows, so any c ≲ t would pay,
 * and 0.8 leaves margin for the dense kernels' better speed per operation. (With 0.5, rebalance
 * problems kept ~20 weight pivots, each with 22 of 41 tail rows, in a 42-wide tail that 22 would do.)
 */
const STRIP_FRACTION = 0.8;

export interface TailStructure extends Panels {
  /** Number of sparse pivots; the tail is [ns, n). */
  readonly ns: number;
  /** Tail size t = n − ns. */
  readonly t: number;
  /** L_SS in CSC: column c (c < ns) has rows Si[Sp[c]..Sp[c+1]) (all < ns, ascending). */
  readonly Sp: Int32Array;
  readonly Si: Int32Array;
  /** Row reach of rows k < ns: columns Rc[Rp[k]..Rp[k+1]) with the slot of L[k, c] in Sx. */
  readonly Rp: Int32Array;
  readonly Rc: Int32Array;
  readonly SRslot: Int32Array;
  /** K entries of tail columns: K slot → panel slot (S rows) or dense-tail slot (T rows). */
  readonly kwSrc: Int32Array;
  readonly kwDst: Int32Array;
  readonly ktSrc: Int32Array;
  readonly ktDst: Int32Array;
}

/**
 * The longest trailing block whose L is at least DENSE_FRACTION full (at most maxTail pivots),
 * then without leading pivots whose own column is less than STRIP_FRACTION full (AMD sometimes
 * orders a few sparse pivots into the dense block; they belong to the panels).
 */
export function chooseSplit(n: number, counts: Int32Array, maxTail: number): number {
  let ns = n;
  let sum = 0;
  for (let j = n - 1; j >= 0; j--) {
    const t = n - j;
    if (t > maxTail) break;
    sum += counts[j]!;
    const full = (t * (t - 1)) / 2;
    if (full === 0 || sum >= DENSE_FRACTION * full) ns = j;
  }
  while (ns < n - 1 && counts[ns]! < STRIP_FRACTION * (n - ns - 1)) ns++;
  return ns;
}

/**
 * Builds the split from K's permuted pattern, column counts and row reaches (Rp, Rc) of L. The
 * tail has at least `minTail` pivots (the block tail-order.ts gathered at the end, which may be
 * less than half full yet cheaper to factorise densely).
 */
export function buildTail(
  n: number,
  Kp: Int32Array,
  Ki: Int32Array,
  counts: Int32Array,
  Rp: Int32Array,
  Rc: Int32Array,
  maxTail: number,
  minTail = 0,
): TailStructure {
  const slab = new Slab();
  if (!(minTail >= 0 && minTail <= n)) throw new Error('solver internal error: bad minimum tail');
  const ns = Math.min(chooseSplit(n, counts, maxTail), n - minTail);
  const t = n - ns;
  // Sparse part: entries (k, c) with k < ns, slots in row order so columns stay sorted.
  const Sp = slab.i32(ns + 1);
  for (let r = 0; r < Rp[ns]!; r++) Sp[Rc[r]! + 1]!++;
  for (let c = 0; c < ns; c++) Sp[c + 1]! += Sp[c]!;
  const Si = slab.i32(Sp[ns]!);
  const SRslot = slab.i32(Rp[ns]!);
  const next = slab.i32From(Sp, ns);
  for (let k = 0; k < ns; k++) {
    for (let r = Rp[k]!; r < Rp[k + 1]!; r++) {
      const slot = next[Rc[r]!]!++;
      Si[slot] = k;
      SRslot[r] = slot;
    }
  }
  // T-parts of S-columns (local tail rows, ascending) from the reaches of the tail rows.
  const Tp = slab.i32(ns + 1);
  for (let r = Rp[ns]!; r < Rp[n]!; r++) if (Rc[r]! < ns) Tp[Rc[r]! + 1]!++;
  for (let c = 0; c < ns; c++) Tp[c + 1]! += Tp[c]!;
  const Ti = slab.i32(Tp[ns]!);
  const tnext = slab.i32From(Tp, ns);
  for (let k = ns; k < n; k++) {
    for (let r = Rp[k]!; r < Rp[k + 1]!; r++) if (Rc[r]! < ns) Ti[tnext[Rc[r]!]!++] = k - ns;
  }
  const panels = buildPanels(ns, Tp, Ti, Sp, Si);
  // K entries of tail columns go to panels (row in S) or to the dense block (row in T).
  let nkw = 0;
  let nkt = 0;
  for (let k = ns; k < n; k++) {
    for (let p = Kp[k]!; p < Kp[k + 1]!; p++) {
      if (Ki[p]! < ns) nkw++;
      else nkt++;
    }
  }
  const kwSrc = slab.i32(nkw);
  const kwDst = slab.i32(nkw);
  const ktSrc = slab.i32(nkt);
  const ktDst = slab.i32(nkt);
  nkw = 0;
  nkt = 0;
  for (let k = ns; k < n; k++) {
    for (let p = Kp[k]!; p < Kp[k + 1]!; p++) {
      const i = Ki[p]!;
      if (i < ns) {
        kwSrc[nkw] = p;
        kwDst[nkw++] = panelSlot(panels, i, k - ns);
      } else {
        ktSrc[nkt] = p;
        ktDst[nkt++] = (k - ns) * t + (i - ns);
      }
    }
  }
  // An explicit literal (not a spread) so every TailStructure has the same hidden class: the
  // numeric kernels see many of them and would otherwise deoptimise on each new pattern.
  return {
    gRp: panels.gRp,
    groupRows: panels.groupRows,
    gCp: panels.gCp,
    groupCols: panels.groupCols,
    gW: panels.gW,
    wsize: panels.wsize,
    maxWidth: panels.maxWidth,
    colGroup: panels.colGroup,
    colPos: panels.colPos,
    relStart: panels.relStart,
    relRows: panels.relRows,
    ns,
    t,
    Sp,
    Si,
    Rp: slab.i32From(Rp, ns + 1),
    Rc: slab.i32From(Rc, Rp[ns]!),
    SRslot,
    kwSrc,
    kwDst,
    ktSrc,
    ktDst,
  };
}
