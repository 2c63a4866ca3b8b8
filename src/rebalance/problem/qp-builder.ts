/**
 * Accumulates a QP in the solver's form (½xᵀPx + qᵀx, A x = b, cl ≤ C x ≤ cu, lb ≤ x ≤ ub)
 * variable by variable and row by row, then packs it into CSC matrices. The formulation adds
 * every row it may ever need (with infinite bounds when unused) so that the sparsity pattern
 * of a household depends only on its structure and the solver's symbolic analysis is reused
 * across the passes of one rebalance and across households of the same shape.
 */
import { cscFromTriplets, type QpProblem } from '../../solver/index.js';
import { Doubles, Triplets } from './growable-arrays.js';

/** One coefficient of a row: variable index and value. */
export type Term = readonly [variable: number, coefficient: number];

const ROW_NONE = 0;
const ROW_EQUALITY = 1;
const ROW_RANGE = 2;
type RowKind = typeof ROW_NONE | typeof ROW_EQUALITY | typeof ROW_RANGE;

/** Builds a QpProblem incrementally. Indices are returned so callers can refer back. */
export class QpBuilder {
  private readonly lb = new Doubles();
  private readonly ub = new Doubles();
  private readonly q = new Doubles();
  private readonly p = new Triplets();
  private readonly a = new Triplets();
  private readonly c = new Triplets();
  private readonly b = new Doubles();
  private readonly cl = new Doubles();
  private readonly cu = new Doubles();
  private open: RowKind = ROW_NONE;

  /** Number of variables so far. */
  get size(): number {
    return this.q.length;
  }

  /** Adds a variable with bounds and linear cost; returns its index. */
  variable(lb: number, ub: number, cost = 0): number {
    this.lb.push(lb);
    this.ub.push(ub);
    this.q.push(cost);
    return this.q.length - 1;
  }

  /** Adds `value` to the linear cost of variable j. */
  cost(j: number, value: number): void {
    if (!(j >= 0 && j < this.q.length)) {
      throw new Error(`QpBuilder.cost: variable ${j} does not exist (${this.q.length} so far)`);
    }
    this.q.addAt(j, value);
  }

  /** Adds `value` to P[i][j] (upper triangle is stored; i ≤ j enforced here). */
  curvature(i: number, j: number, value: number): void {
    if (i <= j) this.p.add(i, j, value);
    else this.p.add(j, i, value);
  }

  /** Adds the equality row Σ coefᵢ x_vᵢ = rhs; returns its index. */
  equality(terms: readonly Term[], rhs: number): number {
    this.openEquality();
    for (const [v, coef] of terms) this.term(v, coef);
    return this.closeEquality(rhs);
  }

  /**
   * Adds the equality row Σ coefᵢ x_vᵢ = rhs from parallel arrays (first `count` entries; zero
   * coefficients skipped): for long rows, without a tuple per term. Returns its index.
   */
  equalityOf(
    vars: ArrayLike<number>,
    coefs: ArrayLike<number>,
    count: number,
    rhs: number,
  ): number {
    this.openEquality();
    for (let t = 0; t < count; t++) if (coefs[t] !== 0) this.term(vars[t]!, coefs[t]!);
    return this.closeEquality(rhs);
  }

  /** Adds the ranged row lo ≤ Σ coefᵢ x_vᵢ ≤ hi; returns its index. */
  range(terms: readonly Term[], lo: number, hi: number): number {
    this.openRange();
    for (const [v, coef] of terms) this.term(v, coef);
    return this.closeRange(lo, hi);
  }

  /**
   * Opens an equality row that `term` then fills coefficient by coefficient and `closeEquality`
   * ends: a long row (a cash or turnover row over every lot) without a tuple or array per term.
   * One row is open at a time.
   */
  openEquality(): void {
    this.openKind(ROW_EQUALITY);
  }

  /** Opens a ranged row (see `openEquality`); `closeRange` ends it. */
  openRange(): void {
    this.openKind(ROW_RANGE);
  }

  /** Adds coef · x_v to the open row. */
  term(v: number, coef: number): void {
    if (this.open === ROW_EQUALITY) this.a.add(this.b.length, v, coef);
    else if (this.open === ROW_RANGE) this.c.add(this.cl.length, v, coef);
    else throw new Error('QpBuilder.term: no row is open (call openEquality or openRange first)');
  }

  /** Ends the open equality row at Σ coefᵢ x_vᵢ = rhs; returns its index. */
  closeEquality(rhs: number): number {
    this.closeKind(ROW_EQUALITY);
    this.b.push(rhs);
    return this.b.length - 1;
  }

  /** Ends the open ranged row at lo ≤ Σ coefᵢ x_vᵢ ≤ hi; returns its index. */
  closeRange(lo: number, hi: number): number {
    this.closeKind(ROW_RANGE);
    this.cl.push(lo);
    this.cu.push(hi);
    return this.cl.length - 1;
  }

  private openKind(kind: RowKind): void {
    if (this.open !== ROW_NONE) {
      throw new Error('QpBuilder: a row is already open (close it before opening another)');
    }
    this.open = kind;
  }

  private closeKind(kind: RowKind): void {
    if (this.open !== kind) {
      throw new Error(
        `QpBuilder: closing ${kind === ROW_EQUALITY ? 'an equality' : 'a ranged'} row, but ${
          this.open === ROW_NONE ? 'none' : 'another kind'
        } is open`,
      );
    }
    this.open = ROW_NONE;
  }

  /** Packs the problem. */
  build(): QpProblem {
    if (this.open !== ROW_NONE) throw new Error('QpBuilder.build: a row is still open');
    const n = this.q.length;
    const pack = (t: Triplets, rows: number) => cscFromTriplets(rows, n, t.rows, t.cols, t.vals);
    return {
      n,
      P: pack(this.p, n),
      q: this.q.copy(),
      A: pack(this.a, this.b.length),
      b: this.b.copy(),
      C: pack(this.c, this.cl.length),
      cl: this.cl.copy(),
      cu: this.cu.copy(),
      lb: this.lb.copy(),
      ub: this.ub.copy(),
    };
  }
}
