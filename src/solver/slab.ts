/**
 * Typed arrays carved out of shared buffers, for objects that allocate many arrays at once and
 * keep them together (the solver's per-pattern state).
 *
 * V8 keeps a typed array of at most 64 bytes on its heap and allocates any larger one's buffer
 * outside it: about 1 µs + 0.16 ns a byte (Node 20, measured: 1.3 µs for 512 bytes, 4.2 µs
 * for 16 KB), against 0.06 µs for a view on an existing buffer. The solver's set-up for a new
 * sparsity pattern makes some 200 arrays, most of them small for a 20-security household, so
 * the fixed cost is a large share of its first solve. A slab hands out zeroed views of a first
 * chunk sized by its owner, then of 4 KB chunks; an array that fits in neither and is more than
 * half a chunk gets a buffer of its own (its zeroing, not the fixed cost, is then what counts).
 *
 * Given a region of an existing buffer (a WebAssembly memory, simd/vector-arena.ts), a slab hands
 * out 16-byte aligned views of it only, and throwing when it runs out is a bug in its owner's
 * size: the SIMD kernels address the arrays by offset in that memory, so an array anywhere else
 * would be read at the wrong place.
 *
 * Views share their chunk: never transfer one to another thread or hand it out of the object
 * that owns the slab (structured cloning copies the whole chunk, a transfer detaches its
 * neighbours).
 */
/** Bytes of each chunk after the first (small: a chunk is zeroed whether it is used or not). */
const CHUNK_BYTES = 4096;

/** Bytes [start, end) of `buffer`, for a slab to fill (start a multiple of 16). */
export interface SlabRegion {
  buffer: ArrayBuffer;
  start: number;
  end: number;
}

export class Slab {
  private buffer: ArrayBuffer | null = null;
  private used = 0;
  private limit = 0;
  /** Set when the slab fills a region: aligned to 16, and no chunks beyond it. */
  private readonly inRegion: boolean;

  /**
   * `firstChunkBytes`: the size of the first chunk, when the owner knows what it will take (an
   * estimate: what does not fit goes to further chunks); 0 starts with none. With `region`,
   * the slab fills that region instead, and `firstChunkBytes` is not used.
   */
  constructor(firstChunkBytes = 0, region?: SlabRegion) {
    this.inRegion = region !== undefined;
    if (region !== undefined) {
      this.buffer = region.buffer;
      this.used = region.start;
      this.limit = region.end;
    } else if (firstChunkBytes > 0) {
      this.buffer = new ArrayBuffer(roundUp8(firstChunkBytes));
      this.limit = this.buffer.byteLength;
    }
  }

  /** A zeroed Float64Array of `length`. */
  f64(length: number): Float64Array {
    const [buffer, offset] = this.take(8 * length);
    return new Float64Array(buffer, offset, length);
  }

  /** A zeroed Int32Array of `length`. */
  i32(length: number): Int32Array {
    const [buffer, offset] = this.take(4 * length);
    return new Int32Array(buffer, offset, length);
  }

  /** A copy of the first `length` entries of `source` (its `slice(0, length)`). */
  i32From(source: Int32Array, length = source.length): Int32Array {
    const out = this.i32(length);
    out.set(length === source.length ? source : source.subarray(0, length));
    return out;
  }

  /** A zeroed Uint8Array of `length`. */
  u8(length: number): Uint8Array {
    const [buffer, offset] = this.take(length);
    return new Uint8Array(buffer, offset, length);
  }

  /**
   * `bytes` at an offset that is a multiple of 8 (any element type is aligned there), or of 16
   * in a region (the SIMD kernels' loads).
   */
  private take(bytes: number): [ArrayBuffer, number] {
    const size = this.inRegion ? roundUp16(bytes) : roundUp8(bytes);
    if (this.buffer !== null && this.used + size <= this.limit) {
      const offset = this.used;
      this.used += size;
      return [this.buffer, offset];
    }
    if (this.inRegion) {
      throw new Error(`slab region of ${this.limit} bytes is full: ${bytes} more asked`);
    }
    if (size > CHUNK_BYTES / 2) return [new ArrayBuffer(size), 0];
    this.buffer = new ArrayBuffer(CHUNK_BYTES);
    this.limit = CHUNK_BYTES;
    this.used = size;
    return [this.buffer, 0];
  }
}

const roundUp8 = (bytes: number): number => (bytes + 7) & ~7;
const roundUp16 = (bytes: number): number => (bytes + 15) & ~15;
