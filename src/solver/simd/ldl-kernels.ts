/**
 * The LDLᵀ factor's WebAssembly kernels (kernels.wat, second part): the whole numeric
 * factorisation and the whole solve, one call each, and the sparse sweeps of the two-vector
 * solve. Loops through index arrays gain most: a WebAssembly load, unchecked, costs less than a
 * typed-array one (on the 500-stock household's KKT system the sparse rows took 40 µs against
 * 107 in TypeScript); the dense parts keep two of their loop's accumulators in a v128. Same
 * operations in the same order as the TypeScript twins, so bit-identical results.
 */

/** The kernels' exports: `tab` is the byte offset of the factor's table (`LDL_TABLE`). */
export interface LdlKernels {
  /** ldl-solve.ts's sparseForward2 and sparseBackward2. */
  lsolve2(tab: number, x: number, z: number, ns: number): void;
  ltsolve2(tab: number, x: number, z: number, ns: number): void;
  /**
   * ldl.ts's factor as one call (sparse rows, panels, Schur update, dense tail of t pivots):
   * returns the pivots replaced. `wsize`: entries of the panels.
   */
  ldlFactor(
    tab: number,
    Kx: number,
    diag: number,
    sign: number,
    ns: number,
    ng: number,
    t: number,
    wsize: number,
    eps: number,
    delta: number,
  ): number;
  /** ldl-solve.ts's solveOne as one call on the n entries at byte offset x. */
  ldlSolve(tab: number, x: number, ns: number, ng: number, t: number, n: number): void;
}

/** Index arrays of the symbolic analysis a factor in an arena keeps copies of. */
export const LDL_INDEX_ARRAYS = [
  'Kp',
  'Ki',
  'Rp',
  'Rc',
  'SRslot',
  'Sp',
  'Si',
  'colGroup',
  'colPos',
  'gRp',
  'gCp',
  'gW',
  'relStart',
  'relRows',
  'groupRows',
  'groupCols',
] as const;

/** The factor's own arrays the kernels read or write. */
export const LDL_VALUE_ARRAYS = [
  'Sx',
  'y',
  'D',
  'Dinv',
  'W',
  'T',
  'U',
  'scratchA',
  'W0',
  'T0',
  'scratch',
] as const;

type LdlArray = (typeof LDL_INDEX_ARRAYS)[number] | (typeof LDL_VALUE_ARRAYS)[number];

/** The arrays whose byte offsets the table holds, in the order kernels.wat reads them. */
export const LDL_TABLE: readonly LdlArray[] = [...LDL_INDEX_ARRAYS, ...LDL_VALUE_ARRAYS];

/** The factor's kernels, bound to its table in one memory. */
export class LdlBinding {
  /** Byte offset of the table. */
  readonly tab: number;
  private readonly memory: ArrayBufferLike;

  /**
   * Writes the offsets of `arrays` (every one a view of `table`'s memory) into `table` and binds
   * `kernels`, the instance on that memory, to it.
   */
  constructor(
    readonly kernels: LdlKernels,
    table: Int32Array,
    arrays: Readonly<Record<LdlArray, Int32Array | Float64Array>>,
  ) {
    this.memory = table.buffer;
    LDL_TABLE.forEach((name, k) => {
      const view = arrays[name];
      if (view.buffer !== this.memory) {
        throw new Error(`ldl kernels: ${name} is not an array of the factor's memory`);
      }
      table[k] = view.byteOffset;
    });
    this.tab = table.byteOffset;
  }

  /** Whether every view is in the kernels' memory (solves get vectors from elsewhere too). */
  holds(a: ArrayBufferView, b?: ArrayBufferView, c?: ArrayBufferView): boolean {
    const m = this.memory;
    return (
      a.buffer === m && (b === undefined || b.buffer === m) && (c === undefined || c.buffer === m)
    );
  }
}
