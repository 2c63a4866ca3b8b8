/**
 * Dense panels holding L_TS (see dense-tail.ts): S-columns with identical tail-row sets form one
 * group, stored as a p × G row-major block (row a = tail row groupRows[a], column i = S-column
 * groupCols[i]). Also precomputes, for every entry L[r, c] of the sparse part, how column c's
 * tail rows map into column r's (T-pattern(c) ⊆ T-pattern(r) because r is an ancestor of c),
 * which the column-wise computation of L_TS uses.
 */
import { Slab } from './slab.js';

export interface Panels {
  /** Group g has local tail rows groupRows[gRp[g]..gRp[g+1]) (ascending) ... */
  readonly gRp: Int32Array;
  readonly groupRows: Int32Array;
  /** ... S-columns groupCols[gCp[g]..gCp[g+1]) and values W[gW[g] + a·G + i]. */
  readonly gCp: Int32Array;
  readonly groupCols: Int32Array;
  readonly gW: Int32Array;
  /** Total panel entries (= nnz of L_TS). */
  readonly wsize: number;
  /** Largest group width G. */
  readonly maxWidth: number;
  /** Group of S-column c (−1 if its tail part is empty) and its column index in the group. */
  readonly colGroup: Int32Array;
  readonly colPos: Int32Array;
  /**
   * For sparse entry j (row r = Si[j] of column c): −1 no push (c has no tail part), −2 same
   * group (identity row map), else the offset in relRows of the p_c target rows in r's group.
   */
  readonly relStart: Int32Array;
  readonly relRows: Int32Array;
}

function lowerBound(a: Int32Array, from: number, to: number, v: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** FNV-1a over a row set. */
function hashRows(rows: Int32Array): number {
  let h = 2166136261 ^ rows.length;
  for (let i = 0; i < rows.length; i++) h = Math.imul(h ^ rows[i]!, 16777619);
  return h;
}

function sameRows(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Groups S-columns by their tail rows (Tp/Ti, CSC over S-columns) and builds the push maps. */
export function buildPanels(
  ns: number,
  Tp: Int32Array,
  Ti: Int32Array,
  Sp: Int32Array,
  Si: Int32Array,
): Panels {
  const slab = new Slab();
  const colGroup = slab.i32(ns).fill(-1);
  const colPos = slab.i32(ns);
  // Groups by row set: a hash of the rows picks the candidates, an entry-by-entry comparison
  // decides (a string key per column cost ≈ 15% of the symbolic analysis of a 2,000-pivot KKT).
  const byHash = new Map<number, number[]>();
  const rowsOf: Int32Array[] = [];
  const colsOf: number[][] = [];
  for (let c = 0; c < ns; c++) {
    if (Tp[c + 1] === Tp[c]) continue;
    const rows = Ti.subarray(Tp[c]!, Tp[c + 1]!);
    const h = hashRows(rows);
    let candidates = byHash.get(h);
    if (candidates === undefined) {
      candidates = [];
      byHash.set(h, candidates);
    }
    let g = candidates.find((k) => sameRows(rowsOf[k]!, rows));
    if (g === undefined) {
      g = rowsOf.length;
      candidates.push(g);
      rowsOf.push(rows);
      colsOf.push([]);
    }
    colGroup[c] = g;
    colPos[c] = colsOf[g]!.length;
    colsOf[g]!.push(c);
  }
  const ng = rowsOf.length;
  const gRp = slab.i32(ng + 1);
  const gCp = slab.i32(ng + 1);
  const gW = slab.i32(ng + 1);
  let maxWidth = 0;
  for (let g = 0; g < ng; g++) {
    gRp[g + 1] = gRp[g]! + rowsOf[g]!.length;
    gCp[g + 1] = gCp[g]! + colsOf[g]!.length;
    gW[g + 1] = gW[g]! + rowsOf[g]!.length * colsOf[g]!.length;
    maxWidth = Math.max(maxWidth, colsOf[g]!.length, rowsOf[g]!.length);
  }
  const groupRows = slab.i32(gRp[ng]!);
  const groupCols = slab.i32(gCp[ng]!);
  for (let g = 0; g < ng; g++) {
    groupRows.set(rowsOf[g]!, gRp[g]!);
    groupCols.set(colsOf[g]!, gCp[g]!);
  }
  // Row maps for pushes from column c into its sparse ancestors r.
  const relStart = slab.i32(Sp[ns]!).fill(-1);
  const rel: number[] = [];
  for (let c = 0; c < ns; c++) {
    const gc = colGroup[c]!;
    if (gc < 0) continue;
    for (let j = Sp[c]!; j < Sp[c + 1]!; j++) {
      const gr = colGroup[Si[j]!]!;
      if (gr === gc) {
        relStart[j] = -2;
        continue;
      }
      relStart[j] = rel.length;
      for (let q = gRp[gc]!; q < gRp[gc + 1]!; q++) {
        rel.push(lowerBound(groupRows, gRp[gr]!, gRp[gr + 1]!, groupRows[q]!) - gRp[gr]!);
      }
    }
  }
  return {
    gRp,
    groupRows,
    gCp,
    groupCols,
    gW,
    wsize: gW[ng]!,
    maxWidth,
    colGroup,
    colPos,
    relStart,
    relRows: Int32Array.from(rel),
  };
}

/** Panel slot of L[ns + a, c] (throws if the entry is not in the pattern). */
export function panelSlot(pn: Panels, c: number, a: number): number {
  const { colGroup, groupRows, gRp, gCp, gW, colPos } = pn;
  const g = colGroup[c]!;
  const q = g < 0 ? -1 : lowerBound(groupRows, gRp[g]!, gRp[g + 1]!, a);
  if (q < 0 || q >= gRp[g + 1]! || groupRows[q] !== a) {
    throw new Error('solver internal error: entry outside L_TS');
  }
  return gW[g]! + (q - gRp[g]!) * (gCp[g + 1]! - gCp[g]!) + colPos[c]!;
}
