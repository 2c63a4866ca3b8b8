/**
 * Test helper: writes a QpProblem in CPLEX LP format for npm `highs` (`highs.solve(text)`).
 * Variables are named x0..x{n−1}; rows r0.. (A) and c0.. (C; a ranged row becomes c{i}lo and
 * c{i}hi because HiGHS's reader ignores the left side of l <= expr <= u). The quadratic objective is
 * written as [ Σ P_jj xj^2 + 2 Σ_{i<j} P_ij xi * xj ] / 2, i.e. ½xᵀPx.
 * Not used by the solver itself (kept out of the runtime import graph).
 */
import type { CscMatrix, QpProblem } from '../types.js';

const num = (v: number): string => {
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return v.toPrecision(17);
};

/** Signed term " + 3 x1" / " - 3 x1". */
const term = (coef: number, name: string): string =>
  `${coef < 0 ? ' - ' : ' + '}${Math.abs(coef).toPrecision(17)} ${name}`;

function rowTerms(M: CscMatrix): string[] {
  const rows = Array.from({ length: M.nrows }, () => '');
  for (let j = 0; j < M.ncols; j++) {
    for (let p = M.colPtr[j]!; p < M.colPtr[j + 1]!; p++) {
      rows[M.rowIdx[p]!] += term(M.values[p]!, `x${j}`);
    }
  }
  return rows.map((r) => (r === '' ? ' 0 x0' : r));
}

export function toLpFormat(p: QpProblem): string {
  const out: string[] = ['Minimize', ' obj:'];
  // Every variable appears in the objective so HiGHS declares it even if it is in no row.
  let line = '';
  for (let j = 0; j < p.n; j++) line += term(p.q[j]!, `x${j}`);
  const quad: string[] = [];
  if (p.P) {
    for (let j = 0; j < p.n; j++) {
      for (let k = p.P.colPtr[j]!; k < p.P.colPtr[j + 1]!; k++) {
        const i = p.P.rowIdx[k]!;
        const v = p.P.values[k]!;
        if (v === 0) continue;
        quad.push(i === j ? term(v, `x${j} ^ 2`) : term(2 * v, `x${i} * x${j}`));
      }
    }
  }
  if (quad.length > 0) line += ` + [${quad.join('')} ] / 2`;
  out.push(line, 'Subject To');
  if (p.A) {
    rowTerms(p.A).forEach((r, i) => out.push(` r${i}:${r} = ${num(p.b![i]!)}`));
  }
  if (p.C) {
    rowTerms(p.C).forEach((r, i) => {
      const l = p.cl?.[i] ?? -Infinity;
      const u = p.cu?.[i] ?? Infinity;
      if (l === u) out.push(` c${i}:${r} = ${num(l)}`);
      // HiGHS's reader drops the left side of "l <= expr <= u": write two rows instead.
      if (l !== u && l > -Infinity) out.push(` c${i}lo:${r} >= ${num(l)}`);
      if (l !== u && u < Infinity) out.push(` c${i}hi:${r} <= ${num(u)}`);
    });
  }
  out.push('Bounds');
  for (let j = 0; j < p.n; j++) {
    const l = p.lb?.[j] ?? -Infinity;
    const u = p.ub?.[j] ?? Infinity;
    if (l === u) out.push(` x${j} = ${num(l)}`);
    else if (l === -Infinity && u === Infinity) out.push(` x${j} free`);
    else out.push(` ${num(l)} <= x${j} <= ${num(u)}`);
  }
  out.push('End');
  return out.join('\n');
}
