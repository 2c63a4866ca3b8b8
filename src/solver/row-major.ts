/**
 * A row-major copy of a CSC matrix, for products whose rows are few and dense (the inequality
 * rows C: a turnover or budget row touches most columns). Through CSC, (C x)_r accumulates in
 * memory, one read-modify-write of the same entry per column — a dependency chain as long as
 * the row; through rows it accumulates in a register.
 */
import type { CscMatrix } from './types.js';
import { Slab } from './slab.js';

export class RowMajor {
  /** Row r holds entries rowPtr[r]..rowPtr[r+1]) ... */
  readonly rowPtr: Int32Array;
  /** ... in columns col[q], with values vals[q] (= the CSC value at src[q], see load). */
  readonly col: Int32Array;
  readonly vals: Float64Array;
  private readonly src: Int32Array;

  constructor(readonly M: CscMatrix) {
    const { nrows, ncols, colPtr, rowIdx } = M;
    const nnz = colPtr[ncols]!;
    // One buffer for the arrays (slab.ts).
    const slab = new Slab(4 * (2 * nrows + 4 * nnz + 6));
    this.rowPtr = slab.i32(nrows + 1);
    this.col = slab.i32(nnz);
    this.vals = slab.f64(nnz);
    this.src = slab.i32(nnz);
    for (let p = 0; p < nnz; p++) this.rowPtr[rowIdx[p]! + 1]!++;
    for (let r = 0; r < nrows; r++) this.rowPtr[r + 1]! += this.rowPtr[r]!;
    const next = slab.i32From(this.rowPtr, nrows);
    for (let j = 0; j < ncols; j++) {
      for (let p = colPtr[j]!, end = colPtr[j + 1]!; p < end; p++) {
        const q = next[rowIdx[p]!]!++;
        this.col[q] = j;
        this.src[q] = p;
      }
    }
  }

  /** Takes the values of a matrix with M's pattern (CSC order). */
  load(cscVals: Float64Array): void {
    const { vals, src } = this;
    for (let q = 0; q < vals.length; q++) vals[q] = cscVals[src[q]!]!;
  }

  /** (M x)_r. */
  rowDot(r: number, x: Float64Array): number {
    const { rowPtr, col, vals } = this;
    let s = 0;
    for (let q = rowPtr[r]!, end = rowPtr[r + 1]!; q < end; q++) s += vals[q]! * x[col[q]!]!;
    return s;
  }

  /** out[col] += a · M[r, col] over row r. */
  rowAxpy(r: number, a: number, out: Float64Array): void {
    const { rowPtr, col, vals } = this;
    for (let q = rowPtr[r]!, end = rowPtr[r + 1]!; q < end; q++) out[col[q]!]! += a * vals[q]!;
  }
}
