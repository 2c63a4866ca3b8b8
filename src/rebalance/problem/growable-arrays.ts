/**
 * The growable typed arrays the QP builder accumulates into: capacity doubled as needed, so a
 * 500-stock household's tens of thousands of entries cost a few copies, not an object each.
 */

/** Growable triplet store (typed arrays, capacity doubled as needed). */
export class Triplets {
  private rowsBuf = new Int32Array(256);
  private colsBuf = new Int32Array(256);
  private valsBuf = new Float64Array(256);
  private count = 0;

  /** Appends the entry (row, col, value); duplicates are summed when packed (cscFromTriplets). */
  add(row: number, col: number, value: number): void {
    if (this.count === this.rowsBuf.length) this.grow();
    const t = this.count++;
    this.rowsBuf[t] = row;
    this.colsBuf[t] = col;
    this.valsBuf[t] = value;
  }

  private grow(): void {
    const cap = 2 * this.rowsBuf.length;
    const rows = new Int32Array(cap);
    const cols = new Int32Array(cap);
    const vals = new Float64Array(cap);
    rows.set(this.rowsBuf);
    cols.set(this.colsBuf);
    vals.set(this.valsBuf);
    this.rowsBuf = rows;
    this.colsBuf = cols;
    this.valsBuf = vals;
  }

  /** The rows, columns and values so far, as views (valid until the next `add`). */
  get rows(): Int32Array {
    return this.rowsBuf.subarray(0, this.count);
  }

  get cols(): Int32Array {
    return this.colsBuf.subarray(0, this.count);
  }

  get vals(): Float64Array {
    return this.valsBuf.subarray(0, this.count);
  }
}

/** Growable list of float64 values (capacity doubled as needed). */
export class Doubles {
  private buf = new Float64Array(256);
  length = 0;

  /** Appends `value`. */
  push(value: number): void {
    if (this.length === this.buf.length) {
      const grown = new Float64Array(2 * this.buf.length);
      grown.set(this.buf);
      this.buf = grown;
    }
    this.buf[this.length++] = value;
  }

  /** Adds `value` to entry j (j < length). */
  addAt(j: number, value: number): void {
    this.buf[j]! += value;
  }

  /** The values, as an array of their own. */
  copy(): Float64Array {
    return this.buf.slice(0, this.length);
  }
}
