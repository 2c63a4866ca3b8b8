import type { CscMatrix } from './types.js';

/**
 * Builds a CSC matrix from (row, col, value) triplets, summing duplicates and sorting rows.
 * Explicit zeros are kept (they are part of the pattern).
 *
 * @example
 * const A = cscFromTriplets(2, 3, [0, 1, 1], [0, 0, 2], [1, 2, 3]);
 */
export function cscFromTriplets(
  nrows: number,
  ncols: number,
  rows: ArrayLike<number>,
  cols: ArrayLike<number>,
  vals: ArrayLike<number>,
): CscMatrix {
  const nt = rows.length;
  if (cols.length !== nt || vals.length !== nt) {
    throw new Error(`cscFromTriplets: rows, cols and vals must have equal length`);
  }
  const rowStart = new Int32Array(nrows + 1);
  const count = new Int32Array(ncols + 1);
  for (let t = 0; t < nt; t++) {
    const i = rows[t]!;
    const j = cols[t]!;
    if (!(i >= 0 && i < nrows && j >= 0 && j < ncols && Number.isInteger(i + j))) {
      throw new Error(`cscFromTriplets: entry (${i}, ${j}) outside a ${nrows}×${ncols} matrix`);
    }
    rowStart[i + 1]!++;
    count[j + 1]!++;
  }
  for (let i = 0; i < nrows; i++) rowStart[i + 1]! += rowStart[i]!;
  for (let j = 0; j < ncols; j++) count[j + 1]! += count[j]!;
  // Two stable counting sorts, by row then by column: each column's entries come out in
  // ascending row order without a comparison sort (O(nt + nrows + ncols)).
  const byRow = new Int32Array(nt);
  for (let t = 0; t < nt; t++) byRow[rowStart[rows[t]!]!++] = t;
  const order = new Int32Array(nt);
  const next = count.slice(0, ncols);
  for (let q = 0; q < nt; q++) {
    const t = byRow[q]!;
    order[next[cols[t]!]!++] = t;
  }
  // Merge duplicates (adjacent now) column by column.
  const colPtr = new Int32Array(ncols + 1);
  const rowIdx = new Int32Array(nt);
  const values = new Float64Array(nt);
  let nz = 0;
  for (let j = 0; j < ncols; j++) {
    const start = nz;
    for (let q = count[j]!, end = count[j + 1]!; q < end; q++) {
      const t = order[q]!;
      const i = rows[t]!;
      if (nz > start && rowIdx[nz - 1] === i) {
        values[nz - 1]! += vals[t]!;
      } else {
        rowIdx[nz] = i;
        values[nz] = vals[t]!;
        nz++;
      }
    }
    colPtr[j + 1] = nz;
  }
  return {
    nrows,
    ncols,
    colPtr,
    rowIdx: nz === nt ? rowIdx : rowIdx.slice(0, nz),
    values: nz === nt ? values : values.slice(0, nz),
  };
}

/** True when two matrices have the same dimensions and sparsity pattern (values ignored). */
export function samePattern(a: CscMatrix | undefined, b: CscMatrix | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.nrows !== b.nrows || a.ncols !== b.ncols) return false;
  if (a.colPtr !== b.colPtr && !sameInts(a.colPtr, b.colPtr, a.ncols + 1)) return false;
  const nnz = a.colPtr[a.ncols]!;
  return a.rowIdx === b.rowIdx || sameInts(a.rowIdx, b.rowIdx, nnz);
}

function sameInts(a: Int32Array, b: Int32Array, len: number): boolean {
  if (a.length < len || b.length < len) return false;
  for (let k = 0; k < len; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** Number of stored entries. */
export function nnz(m: CscMatrix | undefined): number {
  return m === undefined ? 0 : m.colPtr[m.ncols]!;
}

/** y += M x for a general CSC matrix M (values given separately so scaled copies can be used). */
export function cscMulAdd(
  m: CscMatrix,
  vals: Float64Array,
  x: Float64Array,
  y: Float64Array,
  yOffset: number,
): void {
  const { colPtr, rowIdx, ncols } = m;
  for (let j = 0; j < ncols; j++) {
    const xj = x[j]!;
    if (xj === 0) continue;
    for (let p = colPtr[j]!, end = colPtr[j + 1]!; p < end; p++) {
      y[yOffset + rowIdx[p]!]! += vals[p]! * xj;
    }
  }
}

/** y += Mᵀ x (x read from offset xOffset). */
export function cscMulTransposeAdd(
  m: CscMatrix,
  vals: Float64Array,
  x: Float64Array,
  xOffset: number,
  y: Float64Array,
): void {
  const { colPtr, rowIdx, ncols } = m;
  for (let j = 0; j < ncols; j++) {
    let s = 0;
    for (let p = colPtr[j]!, end = colPtr[j + 1]!; p < end; p++) {
      s += vals[p]! * x[xOffset + rowIdx[p]!]!;
    }
    y[j]! += s;
  }
}

/** y = S x for symmetric S stored as its upper triangle (diagonal included if present). */
export function symUpperMul(
  s: CscMatrix,
  vals: Float64Array,
  x: Float64Array,
  y: Float64Array,
): void {
  const { colPtr, rowIdx, ncols } = s;
  y.fill(0, 0, ncols);
  for (let j = 0; j < ncols; j++) {
    const xj = x[j]!;
    let acc = 0;
    for (let p = colPtr[j]!, end = colPtr[j + 1]!; p < end; p++) {
      const i = rowIdx[p]!;
      const v = vals[p]!;
      if (i === j) {
        acc += v * xj;
      } else {
        acc += v * x[i]!;
        y[i]! += v * xj;
      }
    }
    y[j]! += acc;
  }
}
