/**
 * Input validation. Malformed input (wrong lengths, bad indices, NaN) throws an Error saying what
 * to change; a well-formed problem never throws, whatever its numbers.
 */
import type { CscMatrix, QpPattern, QpProblem } from './types.js';

function fail(message: string): never {
  throw new Error(`QP input: ${message}`);
}

/** Checks a CSC matrix: dimensions, monotone pointers, in-range strictly increasing rows. */
export function validateCsc(
  name: string,
  m: CscMatrix,
  nrows: number | undefined,
  ncols: number,
): void {
  if (!Number.isInteger(m.nrows) || m.nrows < 0) fail(`${name}.nrows must be an integer ≥ 0`);
  if (nrows !== undefined && m.nrows !== nrows) {
    fail(`${name} has ${m.nrows} rows; expected ${nrows}`);
  }
  if (m.ncols !== ncols) fail(`${name} has ${m.ncols} columns; expected n = ${ncols}`);
  if (!(m.colPtr instanceof Int32Array) || !(m.rowIdx instanceof Int32Array)) {
    fail(`${name}.colPtr and ${name}.rowIdx must be Int32Arrays`);
  }
  if (!(m.values instanceof Float64Array)) fail(`${name}.values must be a Float64Array`);
  if (m.colPtr.length !== ncols + 1) {
    fail(`${name}.colPtr has length ${m.colPtr.length}; expected ncols + 1 = ${ncols + 1}`);
  }
  if (m.colPtr[0] !== 0) fail(`${name}.colPtr[0] must be 0`);
  const nz = m.colPtr[ncols]!;
  if (m.rowIdx.length < nz || m.values.length < nz) {
    fail(`${name}.rowIdx and ${name}.values need at least colPtr[ncols] = ${nz} entries`);
  }
  for (let j = 0; j < ncols; j++) {
    const start = m.colPtr[j]!;
    const end = m.colPtr[j + 1]!;
    if (end < start) fail(`${name}.colPtr decreases at column ${j}`);
    let prev = -1;
    for (let p = start; p < end; p++) {
      const i = m.rowIdx[p]!;
      if (i <= prev || i >= m.nrows) {
        fail(
          `${name} column ${j}: row index ${i} out of range or not strictly increasing ` +
            `(sort rows and merge duplicates, e.g. with cscFromTriplets)`,
        );
      }
      prev = i;
    }
  }
}

/** Validates the structural part of a problem. */
export function validatePattern(p: QpPattern): void {
  if (!Number.isInteger(p.n) || p.n < 0) fail(`n must be an integer ≥ 0, got ${p.n}`);
  if (p.P !== undefined) {
    validateCsc('P', p.P, p.n, p.n);
    for (let j = 0; j < p.n; j++) {
      const last = p.P.colPtr[j + 1]! - 1;
      if (last >= p.P.colPtr[j]! && p.P.rowIdx[last]! > j) {
        fail(
          `P must hold only its upper triangle (row ≤ col); column ${j} has row ` +
            `${p.P.rowIdx[last]}. Drop the entries below the diagonal.`,
        );
      }
    }
  }
  if (p.A !== undefined) validateCsc('A', p.A, undefined, p.n);
  if (p.C !== undefined) validateCsc('C', p.C, undefined, p.n);
}

function checkVector(
  name: string,
  v: Float64Array | undefined,
  len: number,
  allowInfinite: boolean,
): void {
  if (v === undefined) return;
  if (!(v instanceof Float64Array)) fail(`${name} must be a Float64Array`);
  if (v.length !== len) fail(`${name} has length ${v.length}; expected ${len}`);
  for (let i = 0; i < len; i++) {
    const x = v[i]!;
    if (Number.isNaN(x) || (!allowInfinite && !Number.isFinite(x))) {
      fail(`${name}[${i}] is ${x}; ${allowInfinite ? 'NaN is not allowed' : 'must be finite'}`);
    }
  }
}

function checkValues(name: string, m: CscMatrix | undefined): void {
  if (m === undefined) return;
  const nz = m.colPtr[m.ncols]!;
  for (let p = 0; p < nz; p++) {
    if (!Number.isFinite(m.values[p]!))
      fail(`${name}.values[${p}] is ${m.values[p]}; must be finite`);
  }
}

/** Validates the numeric part (vector lengths, finiteness). Assumes the pattern is valid. */
export function validateValues(p: QpProblem): void {
  const me = p.A?.nrows ?? 0;
  const mi = p.C?.nrows ?? 0;
  if (p.q === undefined) fail('q is required (use new Float64Array(n) for a zero objective)');
  checkVector('q', p.q, p.n, false);
  if (me > 0 && p.b === undefined) fail(`b is required when A has rows (length ${me})`);
  checkVector('b', p.b, me, false);
  checkVector('cl', p.cl, mi, true);
  checkVector('cu', p.cu, mi, true);
  checkVector('lb', p.lb, p.n, true);
  checkVector('ub', p.ub, p.n, true);
  checkValues('P', p.P);
  checkValues('A', p.A);
  checkValues('C', p.C);
}
