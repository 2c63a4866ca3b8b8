/**
 * The LDLᵀ factor's WebAssembly kernels (kernels.wat, second part): the sparse rows of the
 * factorisation, the push into the panels and the sparse triangular solves, each a loop through
 * index arrays. There a WebAssembly load, unchecked, costs less than a typed-array one: on the
 * 500-stock household's KKT system the sparse rows took 40 µs against 107 in TypeScript, on a
 * 20-security one 3.8 against 7.6. Same operations in the same order, so bit-identical results.
 */

/** The kernels' exports: `tab` is the byte offset of the factor's table (`LDL_TABLE`). */
export interface LdlKernels {
  /** ldl.ts's factorSparse on Kx, diag (float64) and sign (int8) at these byte offsets. */
  ldlSparse(
    tab: number,
    Kx: number,
    diag: number,
    sign: number,
    ns: number,
    eps: number,
    delta: number,
  ): number;
  /** ldl.ts's pushPanels. */
  ldlPanels(tab: number, ns: number): void;
  /** ldl-solve.ts's sparseForward and sparseBackward on x at byte offset `x`. */
  lsolve(tab: number, x: number, ns: number): void;
  ltsolve(tab: number, x: number, ns: number): void;
  /** ldl-solve.ts's sparseForward2 and sparseBackward2. */
  lsolve2(tab: number, x: number, z: number, ns: number): void;
  ltsolve2(tab: number, x: number, z: number, ns: number): void;
  /** dense-kernels.ts's panelForward and panelBackward over the `ng` panels. */
  panelFwd(tab: number, x: number, ns: number, ng: number): void;
  panelBwd(tab: number, x: number, ns: number, ng: number): void;
  /** dense-kernels.ts's panelSchur into the t × t tail. */
  panelSchur(tab: number, ng: number, t: number): void;
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
export const LDL_VALUE_ARRAYS = ['Sx', 'y', 'D', 'Dinv', 'W', 'T', 'U', 'scratchA'] as const;

type LdlArray = (typeof LDL_INDEX_ARRAYS)[number] | (typeof LDL_VALUE_ARRAYS)[number];

/** The arrays whose byte offsets the table holds, in the order kernels.wat reads them. */
export const LDL_TABLE: readonly LdlArray[] = [
  'Kp',
  'Ki',
  'Rp',
  'Rc',
  'SRslot',
  'Sp',
  'Si',
  'Sx',
  'y',
  'D',
  'Dinv',
  'colGroup',
  'colPos',
  'gRp',
  'gCp',
  'gW',
  'relStart',
  'relRows',
  'W',
  'groupRows',
  'groupCols',
  'T',
  'U',
  'scratchA',
];

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
