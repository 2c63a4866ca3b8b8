/**
 * Presolve, per sparsity pattern: which rows define a variable that can be substituted out, and
 * which of those are worth it (see presolve-plan.ts for the math and the rule).
 */
import type { CscMatrix, QpPattern } from './types.js';
import { Slab } from './slab.js';

/** Variable bounds of a problem, to leave out variables that are bounded there. */
export interface Bounds {
  readonly lb?: Float64Array;
  readonly ub?: Float64Array;
}

/**
 * Row-major copy of the rows of A that have a defining variable: for each, its columns and their
 * entry indices in A (other rows are left empty). `length` is each row's entry count.
 */
export function rowsOf(
  A: CscMatrix,
  defining: Int32Array,
  length: Int32Array,
): { ptr: Int32Array; col: Int32Array; entry: Int32Array } {
  const { rowIdx, colPtr } = A;
  const slab = new Slab();
  const ptr = slab.i32(A.nrows + 1);
  for (let r = 0; r < A.nrows; r++) ptr[r + 1] = ptr[r]! + (defining[r] !== -1 ? length[r]! : 0);
  const next = slab.i32From(ptr, A.nrows);
  const col = slab.i32(ptr[A.nrows]!);
  const entry = slab.i32(ptr[A.nrows]!);
  for (let j = 0; j < A.ncols; j++) {
    for (let p = colPtr[j]!, end = colPtr[j + 1]!; p < end; p++) {
      const r = rowIdx[p]!;
      if (defining[r] === -1) continue;
      const at = next[r]!++;
      col[at] = j;
      entry[at] = p;
    }
  }
  return { ptr, col, entry };
}

/**
 * One defining variable per row, or −1: a candidate without curvature if the row has one (its
 * substitution adds no curvature at all), else the first candidate. `curved` marks the
 * variables whose P has a diagonal entry.
 */
export function candidateRows(
  pat: Required<QpPattern>,
  bounds: Bounds | undefined,
): { defining: Int32Array; curved: Uint8Array; length: Int32Array } {
  const { n, P, A, C } = pat;
  // One buffer (slab.ts): two arrays of n bytes, two of A's rows.
  const slab = new Slab(2 * n + 8 * A.nrows + 32);
  const offDiagonal = slab.u8(n);
  const curved = slab.u8(n);
  for (let j = 0; j < n; j++) {
    for (let p = P.colPtr[j]!; p < P.colPtr[j + 1]!; p++) {
      const i = P.rowIdx[p]!;
      if (i !== j) offDiagonal[i] = offDiagonal[j] = 1;
      else curved[j] = 1;
    }
  }
  const defining = slab.i32(A.nrows).fill(-1);
  for (let j = 0; j < n; j++) {
    if (offDiagonal[j] || C.colPtr[j + 1]! > C.colPtr[j]!) continue;
    if ((bounds?.lb?.[j] ?? -Infinity) !== -Infinity || (bounds?.ub?.[j] ?? Infinity) !== Infinity)
      continue;
    if (A.colPtr[j + 1]! - A.colPtr[j]! !== 1) continue;
    const r = A.rowIdx[A.colPtr[j]!]!;
    if (defining[r] === -1 || (curved[defining[r]!] && !curved[j])) defining[r] = j;
  }
  const length = slab.i32(A.nrows);
  for (let p = 0, nz = A.colPtr[A.ncols]!; p < nz; p++) length[A.rowIdx[p]!]!++;
  dropHopeless(length, defining, curved);
  return { defining, curved, length };
}

/**
 * Drops the rows with curvature that cannot be worth substituting, before the grouping: a row
 * of L entries puts at least L − 1 columns into its component's U, so at least (L − 1)L/2 new
 * curvature entries, against at most the entries of all such rows together. A direct index's
 * factor rows (500 weights each) all go here, from the row lengths rowsOf reuses.
 */
function dropHopeless(length: Int32Array, defining: Int32Array, curved: Uint8Array): void {
  let entries = 0;
  for (let r = 0; r < length.length; r++)
    if (defining[r] !== -1 && curved[defining[r]!]) entries += length[r]!;
  for (let r = 0; r < length.length; r++) {
    const L = length[r]!;
    if (defining[r] !== -1 && curved[defining[r]!] && ((L - 1) * L) / 2 >= entries)
      defining[r] = -1;
  }
}

function find(parent: Int32Array, r: number): number {
  while (parent[r] !== r) r = parent[r] = parent[parent[r]!]!;
  return r;
}

/**
 * Rows whose defining variable has curvature, grouped by shared columns (union–find). Returns
 * the substituted rows: those without curvature, and those of components whose new curvature
 * entries are fewer than their own entries; and for each column of a substituted row with
 * curvature (other than its defining column) that row's component root.
 */
export function chosenRows(
  rows: ReturnType<typeof rowsOf>,
  defining: Int32Array,
  curved: Uint8Array,
  ncols: number,
): { chosen: Uint8Array; rootOfCol: Int32Array } {
  const m = defining.length;
  const parent = Int32Array.from({ length: m }, (_, r) => r);
  const owner = new Int32Array(ncols).fill(-1);
  const chosen = new Uint8Array(m);
  for (let r = 0; r < m; r++) {
    if (defining[r] === -1) continue;
    if (!curved[defining[r]!]) {
      chosen[r] = 1;
      continue;
    }
    for (let p = rows.ptr[r]!; p < rows.ptr[r + 1]!; p++) {
      const c = rows.col[p]!;
      if (c === defining[r]) continue;
      if (owner[c] === -1) owner[c] = r;
      else parent[find(parent, r)] = find(parent, owner[c]!);
    }
  }
  const columns = new Float64Array(m);
  const entries = new Float64Array(m);
  for (let c = 0; c < ncols; c++) if (owner[c] !== -1) columns[find(parent, owner[c]!)]!++;
  const inComponent = (r: number): boolean => defining[r] !== -1 && curved[defining[r]!] === 1;
  for (let r = 0; r < m; r++) {
    if (inComponent(r)) entries[find(parent, r)]! += rows.ptr[r + 1]! - rows.ptr[r]!;
  }
  for (let r = 0; r < m; r++) {
    if (!inComponent(r)) continue;
    const root = find(parent, r);
    const u = columns[root]!;
    chosen[r] = (u * (u + 1)) / 2 < entries[root]! ? 1 : 0;
  }
  const rootOfCol = new Int32Array(ncols).fill(-1);
  for (let c = 0; c < ncols; c++) {
    const r = owner[c]!;
    if (r !== -1 && chosen[r]) rootOfCol[c] = find(parent, r);
  }
  return { chosen, rootOfCol };
}
