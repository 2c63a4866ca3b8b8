/**
 * Presolve, per sparsity pattern: free column singletons worth substituting out.
 *
 * A variable x_j with no off-diagonal curvature, no inequality row and exactly one equality row r
 * (a_rj ≠ 0), and no finite bound, is defined by that row:
 *
 *   x_j = (b_r − Σ_{i≠j} a_ri x_i)/a_rj = c₀ − uᵀx,     u_i = a_ri/a_rj,  c₀ = b_r/a_rj,
 *
 * so substituting it removes the variable and the row, and moves its cost onto the others:
 *
 *   ½P_jj x_j² + q_j x_j = ½P_jj (uᵀx)² − (P_jj c₀ + q_j) uᵀx + const.
 *
 * A factor model written with exposure variables (g = Gᵀ(w − w_b), risk ½λ‖g‖²) is of this
 * kind. Substituting k exposures over N weights trades k rows of N + 1 entries (and 2k KKT
 * pivots) for the N(N + 1)/2 entries of λGGᵀ on the weights: a gain when k is comparable to N or
 * larger (20 securities, 40 factors), a loss for a direct index (500 securities, 20 factors).
 * So candidate rows are grouped into components that share columns, and a component is
 * substituted only when its new curvature entries, |U|(|U| + 1)/2 over the union U of its rows'
 * columns, are fewer than the entries of its rows (at 20 × 10, 210 against 210, the repeated
 * solve gained 2% and the first solve, with the plan and a second analysis, lost 25%).
 *
 * The plan is the pattern's, less the variables the first problem bounds; every problem's values
 * are checked against it when it is solved (presolve-reduce.ts).
 */
import { cscFromTriplets } from './csc.js';
import { candidateRows, chosenRows, rowsOf, type Bounds } from './presolve-candidates.js';
import type { CscMatrix, QpPattern } from './types.js';

/** What one pattern's presolve removes, and where the reduced problem's values come from. */
export interface PresolvePlan {
  readonly full: Required<QpPattern>;
  /** The reduced pattern (its matrices' `values` are placeholders; presolve-reduce fills copies). */
  readonly reduced: Required<QpPattern>;
  /** Reduced column → full column, and reduced A row → full A row. */
  readonly keptCols: Int32Array;
  readonly keptRows: Int32Array;
  /** Per substituted variable t: its column j, its row r, the A entry of a_rj, P's entry of P_jj (−1: none). */
  readonly elimCol: Int32Array;
  readonly elimRow: Int32Array;
  readonly elimEntry: Int32Array;
  readonly elimDiag: Int32Array;
  /** Row r's other entries, t's range otherPtr[t] … otherPtr[t + 1]: reduced column and A entry. */
  readonly otherPtr: Int32Array;
  readonly otherCol: Int32Array;
  readonly otherEntry: Int32Array;
  /** Per other entry: its column's slot in its component's columns U. */
  readonly otherSlot: Int32Array;
  /** Component c's substituted variables: compRows[compRowPtr[c] … compRowPtr[c + 1]]. */
  readonly compRowPtr: Int32Array;
  readonly compRows: Int32Array;
  /** Component c's width |U|, and its pairs' reduced P entries from compPairPtr[c], (a ≤ b) by b then a. */
  readonly compWidth: Int32Array;
  readonly compPairPtr: Int32Array;
  readonly pairEntry: Int32Array;
  /** Full P entry → reduced P entry (−1 for a substituted variable's diagonal). */
  readonly pFromFull: Int32Array;
  /** Full A entry → reduced A entry (−1 for the entries of a substituted row). */
  readonly aFromFull: Int32Array;
}

/** Index of entry (row, col) in M's values (binary search in the column); −1 if absent. */
function entryOf(M: CscMatrix, row: number, col: number): number {
  let lo = M.colPtr[col]!;
  let hi = M.colPtr[col + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = M.rowIdx[mid]!;
    if (r === row) return mid;
    if (r < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Old index → new index (−1 where `removed`), and the kept old indices in order. */
function renumber(size: number, removed: Int32Array): { map: Int32Array; kept: Int32Array } {
  const map = new Int32Array(size);
  for (let t = 0; t < removed.length; t++) map[removed[t]!] = -1;
  const kept = new Int32Array(size - removed.length);
  for (let i = 0, k = 0; i < size; i++) {
    if (map[i] === 0) {
      map[i] = k;
      kept[k++] = i;
    }
  }
  return { map, kept };
}

/**
 * The presolve of a validated, normalised pattern, or null when it would remove nothing.
 * With `bounds` (the first problem solved), variables bounded there are not substituted; a
 * later problem that bounds a substituted variable is solved without presolve.
 */
export function planPresolve(full: Required<QpPattern>, bounds?: Bounds): PresolvePlan | null {
  const { n, P, A, C } = full;
  const { defining, curved, length } = candidateRows(full, bounds);
  if (!defining.some((j) => j !== -1)) return null;
  const rows = rowsOf(A, defining, length);
  const { chosen, rootOfCol } = chosenRows(rows, defining, curved, n);
  let count = 0;
  for (let r = 0; r < A.nrows; r++) count += chosen[r]!;
  if (count === 0) return null;
  const elimRow = new Int32Array(count);
  for (let r = 0, t = 0; r < A.nrows; r++) if (chosen[r]) elimRow[t++] = r;
  const elimCol = Int32Array.from(elimRow, (r) => defining[r]!);
  const cols = renumber(n, elimCol);
  const rowsKept = renumber(A.nrows, elimRow);
  const nr = cols.kept.length;

  // Each component's columns U (reduced numbering, ascending) and their slots.
  const members = new Map<number, number[]>();
  for (let c = 0; c < n; c++) {
    const root = rootOfCol[c]!;
    if (root === -1) continue;
    const list = members.get(root) ?? [];
    list.push(cols.map[c]!);
    members.set(root, list);
  }
  const slot = new Int32Array(nr).fill(-1);
  for (const list of members.values()) list.forEach((c, s) => (slot[c] = s));

  // Reduced P pattern: the kept entries, plus every pair within each component.
  const pr: number[] = [];
  const pc: number[] = [];
  for (let j = 0; j < n; j++) {
    const cj = cols.map[j]!;
    if (cj < 0) continue;
    for (let p = P.colPtr[j]!; p < P.colPtr[j + 1]!; p++) {
      pr.push(cols.map[P.rowIdx[p]!]!);
      pc.push(cj);
    }
  }
  for (const list of members.values()) {
    for (let b = 0; b < list.length; b++) {
      for (let a = 0; a <= b; a++) {
        pr.push(list[a]!);
        pc.push(list[b]!);
      }
    }
  }
  const Pr = cscFromTriplets(nr, nr, pr, pc, new Float64Array(pr.length));
  const pFromFull = new Int32Array(P.colPtr[n]!).fill(-1);
  for (let j = 0; j < n; j++) {
    const cj = cols.map[j]!;
    if (cj < 0) continue;
    for (let p = P.colPtr[j]!; p < P.colPtr[j + 1]!; p++) {
      pFromFull[p] = entryOf(Pr, cols.map[P.rowIdx[p]!]!, cj);
    }
  }
  const roots = [...members.keys()];
  const compWidth = Int32Array.from(roots, (root) => members.get(root)!.length);
  const compPairPtr = new Int32Array(roots.length + 1);
  const pairEntry: number[] = [];
  roots.forEach((root, c) => {
    const list = members.get(root)!;
    for (let b = 0; b < list.length; b++) {
      for (let a = 0; a <= b; a++) pairEntry.push(entryOf(Pr, list[a]!, list[b]!));
    }
    compPairPtr[c + 1] = pairEntry.length;
  });
  const compOfRoot = new Map(roots.map((root, c) => [root, c]));
  const rowsOfComp: number[][] = roots.map(() => []);

  // The substituted rows' other entries.
  const otherPtr = new Int32Array(elimRow.length + 1);
  const otherCol: number[] = [];
  const otherEntry: number[] = [];
  const elimEntry = new Int32Array(elimRow.length);
  const elimDiag = new Int32Array(elimRow.length);
  elimRow.forEach((r, t) => {
    const j = elimCol[t]!;
    elimDiag[t] = entryOf(P, j, j);
    let root = -1;
    for (let p = rows.ptr[r]!; p < rows.ptr[r + 1]!; p++) {
      const c = rows.col[p]!;
      if (c === j) {
        elimEntry[t] = rows.entry[p]!;
        continue;
      }
      if (curved[j]) root = rootOfCol[c]!;
      otherCol.push(cols.map[c]!);
      otherEntry.push(rows.entry[p]!);
    }
    otherPtr[t + 1] = otherCol.length;
    // A row without curvature, or with no other entry (a constant), joins no component.
    if (root !== -1) rowsOfComp[compOfRoot.get(root)!]!.push(t);
  });
  const compRowPtr = new Int32Array(roots.length + 1);
  rowsOfComp.forEach((list, c) => (compRowPtr[c + 1] = compRowPtr[c]! + list.length));

  // Reduced A and C patterns: kept rows of kept columns; C's substituted columns are empty.
  const aFromFull = new Int32Array(A.colPtr[n]!).fill(-1);
  const aColPtr = new Int32Array(nr + 1);
  const cColPtr = new Int32Array(nr + 1);
  let kept = 0;
  for (let c = 0; c < nr; c++) {
    const j = cols.kept[c]!;
    for (let p = A.colPtr[j]!, end = A.colPtr[j + 1]!; p < end; p++) {
      if (rowsKept.map[A.rowIdx[p]!]! >= 0) aFromFull[p] = kept++;
    }
    aColPtr[c + 1] = kept;
    cColPtr[c + 1] = C.colPtr[j + 1]!;
  }
  const aRowIdx = new Int32Array(kept);
  for (let p = 0; p < aFromFull.length; p++) {
    const k = aFromFull[p]!;
    if (k >= 0) aRowIdx[k] = rowsKept.map[A.rowIdx[p]!]!;
  }
  const Ar: CscMatrix = {
    nrows: rowsKept.kept.length,
    ncols: nr,
    colPtr: aColPtr,
    rowIdx: aRowIdx,
    values: new Float64Array(kept),
  };
  const Cr: CscMatrix = {
    nrows: C.nrows,
    ncols: nr,
    colPtr: cColPtr,
    rowIdx: C.rowIdx,
    values: C.values,
  };
  return {
    full,
    reduced: { n: nr, P: Pr, A: Ar, C: Cr },
    keptCols: cols.kept,
    keptRows: rowsKept.kept,
    elimCol,
    elimRow,
    elimEntry,
    elimDiag,
    otherPtr,
    otherCol: Int32Array.from(otherCol),
    otherEntry: Int32Array.from(otherEntry),
    otherSlot: Int32Array.from(otherCol, (c) => slot[c]!),
    compRowPtr,
    compRows: Int32Array.from(rowsOfComp.flat()),
    compWidth,
    compPairPtr,
    pairEntry: Int32Array.from(pairEntry),
    pFromFull,
    aFromFull,
  };
}
