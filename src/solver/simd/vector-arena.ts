/**
 * A solver pattern's vectors, KKT system and factor in WebAssembly memory, with the kernels
 * (kernels.wat) that run over them: the vector passes two float64 lanes at a time, the
 * factorisation and solves as twins of their TypeScript loops (ldl-kernels.ts).
 *
 * V8 pays for every typed-array element a JavaScript loop touches (≈ 0.7 ns, bounds check and
 * all); the kernels' 16-byte loads and stores touch two at once with no check, and ran the
 * residual pass 4× faster per entry (13.3 → 3.3 ns over 20 arrays, N = 140 and 3,500). Each
 * solver gets a memory of its own, sized once for its ScaledProblem, IpmState and KktSystem
 * (slab.ts carves them out of regions of it) and never grown: growing would detach every view.
 */
import { KERNELS_WASM_BASE64 } from './kernels-wasm.js';
import type { IpmState } from '../ipm-state.js';
import type { ScaledProblem } from '../scaled-problem.js';
import type { SlabRegion } from '../slab.js';
import type { LdlKernels } from './ldl-kernels.js';

/**
 * The kernels' exports: `count` is an even number of leading entries (the TypeScript kernel each
 * mirrors runs the rest); the solver's fixed arrays come from the table `bind` writes, and the
 * arrays that vary between calls are byte offsets (a view's `byteOffset`).
 */
export interface VectorKernels {
  /** residuals.ts's bound-row pass; reductions at bytes 0–63 (`VectorArena.out`). */
  residualBounds(count: number, tau: number): void;
  /** newton.ts's updateKernel with Δv = v₂ + Δτ v₁; returns the step to the boundary. */
  update(count: number, dtau: number, eta: number, v1: number, v2: number): number;
  /** ipm-lean-kernels.ts's stepAndPrepareKernel. */
  stepAndPrepare(count: number, alpha: number): void;
  /** ipm-lean-kernels.ts's predictorRhsKernel. */
  predictorRhs(count: number, n: number): void;
  /** ipm-lean-kernels.ts's correctorRhsKernel for the predictor's Δv `dva`. */
  correctorRhs(
    count: number,
    n: number,
    eta: number,
    sigmaMu: number,
    w: number,
    dva: number,
  ): void;
  /** ipm-lean-kernels.ts's affineStepKernel for the predictor's Δv `dva`; returns the step. */
  affineStep(count: number, dva: number): number;
  /** csc.ts's symUpperMul (scalar): y = S x, S given by its upper triangle's CSC arrays. */
  symUpperMul(
    colPtr: number,
    rowIdx: number,
    vals: number,
    x: number,
    y: number,
    ncols: number,
  ): void;
  /** residuals.ts's bothProducts (scalar): ry += M v, rx += Mᵀ y. */
  cscBoth(
    colPtr: number,
    rowIdx: number,
    vals: number,
    v: number,
    y: number,
    rx: number,
    ry: number,
    ncols: number,
  ): void;
}

/**
 * The arrays whose byte offsets `bind` writes, in the order kernels.wat reads them (the
 * problem's masks, bounds and unscaling; the state's iterate, residuals, weights, direction,
 * right-hand sides and the KKT permutation's copy).
 */
const TABLE: readonly (keyof ScaledProblem | keyof IpmState)[] = [
  'v',
  'sl',
  'su',
  'zl',
  'zu',
  'mlo',
  'mhi',
  'loB',
  'hiB',
  'unscaleV',
  'invUnscaleV',
  'rx',
  'rl',
  'ru',
  'izl',
  'izu',
  'isl',
  'isu',
  'sigL',
  'sigU',
  'sig',
  'dl',
  'du',
  'dv',
  'dsl',
  'dzl',
  'dsu',
  'dzu',
  'rv',
  'kp',
  'pinv',
];

/** Bytes at the start of the memory: the kernels' reductions, then the table of offsets. */
const OUT_BYTES = 64;
const HEADER_BYTES = OUT_BYTES + 4 * 32;
const PAGE_BYTES = 65536;

/**
 * The part of the WebAssembly API used here (the project's type libraries declare its types but
 * not the global object, which Node and every browser have).
 */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
  Instance: new (module: object, imports: object) => { exports: object };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let compiled: object | null = null;

/** The kernels' module, compiled at first use (≈ 4 KB). */
function kernelsModule(): object {
  if (compiled === null) {
    const text = atob(KERNELS_WASM_BASE64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    compiled = new wasm.Module(bytes);
  }
  return compiled;
}

/** One solver's WebAssembly memory, the regions its slabs fill, and the kernels bound to it. */
export class VectorArena {
  readonly kernels: VectorKernels & LdlKernels;
  /** The reductions a kernel writes (residualBounds: bz, bzAbs, sz, nx, rd, rp, ns, nz). */
  readonly out: Float64Array;
  private readonly buffer: ArrayBuffer;
  private used = HEADER_BYTES;
  private problem: ScaledProblem | null = null;
  private state: IpmState | null = null;

  /** An arena of at least `bytes` (besides the output), for regions summing to no more. */
  constructor(bytes: number) {
    const memory = new wasm.Memory({
      initial: Math.ceil((HEADER_BYTES + bytes) / PAGE_BYTES),
    });
    const instance = new wasm.Instance(kernelsModule(), { env: { memory } });
    this.kernels = instance.exports as unknown as VectorKernels & LdlKernels;
    this.buffer = memory.buffer;
    this.out = new Float64Array(this.buffer, 0, OUT_BYTES / 8);
  }

  /**
   * Writes the table of `sp`'s and `st`'s array offsets the kernels read; from then on they run
   * on these two (both must have been built in this arena, `st` with the KKT permutation).
   */
  bind(sp: ScaledProblem, st: IpmState): void {
    const table = new Int32Array(this.buffer, OUT_BYTES, TABLE.length);
    for (let k = 0; k < TABLE.length; k++) {
      const name = TABLE[k]!;
      const view: unknown =
        name in st ? st[name as keyof IpmState] : sp[name as keyof ScaledProblem];
      if (!ArrayBuffer.isView(view) || view.buffer !== this.buffer) {
        throw new Error(`vector arena: ${String(name)} is not an array of this arena`);
      }
      table[k] = view.byteOffset;
    }
    this.problem = sp;
    this.state = st;
  }

  /** True when the kernels run on `sp` and `st` (`bind`). */
  runs(sp: ScaledProblem, st: IpmState): boolean {
    return this.problem === sp && this.state === st;
  }

  /** Bytes of memory left for regions. */
  get capacity(): number {
    return this.buffer.byteLength - HEADER_BYTES;
  }

  /**
   * Makes the arena new again for another solver: regions from the start, zeroed (a slab's
   * views start at zero), and bound to nothing.
   */
  reset(): void {
    new Uint8Array(this.buffer, HEADER_BYTES, this.used - HEADER_BYTES).fill(0);
    this.used = HEADER_BYTES;
    this.problem = null;
    this.state = null;
  }

  /** The next `bytes` of the memory, 16-byte aligned, for one Slab. */
  region(bytes: number): SlabRegion {
    const start = this.used;
    const end = start + roundUp16(bytes);
    if (end > this.buffer.byteLength) {
      throw new Error(`vector arena: ${end} bytes asked of ${this.buffer.byteLength}`);
    }
    this.used = end;
    return { buffer: this.buffer, start, end };
  }
}

/** Bytes an arena needs for slabs of these sizes (each rounded up to 16). */
export function arenaBytes(...slabBytes: number[]): number {
  let total = 0;
  for (const b of slabBytes) total += roundUp16(b);
  return total;
}

const roundUp16 = (bytes: number): number => (bytes + 15) & ~15;
