/**
 * Simplicial pivots out of the dense tail.
 *
 * Minimum degree is greedy, and on systems with more factors than securities it can leave a
 * dense tail twice the size it needs. The rebalance QP of 20 securities and 40 factors is the
 * case in point: each factor row touches the 20 weights, each weight the 40 factor rows. AMD
 * eliminates half the factor rows (each makes the weights a clique), then the weights, so the
 * tail holds 20 factor rows and 20 weights (40 pivots). But once the weights are a clique, each
 * remaining factor row's neighbours are a clique too: eliminated first, it makes no fill, and
 * the tail is the 20 weights.
 *
 * Here the tail's graph after eliminating the pivots before it (its Schur complement graph) is
 * built, and every pivot whose neighbourhood there is a clique, and not the whole remaining
 * tail, is moved to the front of the tail, repeatedly (removing it leaves the others' graph as
 * it was). The fill does not change; such a pivot's column within the tail is its
 * neighbourhood, so the tail split (dense-tail.ts) moves it to the panels when it is sparse.
 *
 * The Schur complement graph of T: a, b ∈ T are adjacent when K has the edge (a, b) or both
 * touch one connected component of the graph of the pivots before T (eliminating that component
 * joins all its neighbours; Rose, Tarjan & Lueker 1976).
 */

/** Largest tail examined: the bit matrix costs t²/8 bytes and the sweeps O(t³/32). */
const MAX_PEEL_TAIL = 256;

/**
 * `perm` with the tail's simplicial pivots moved to its front (see the module comment), and
 * how many moved; null when none does. The tail is the last `tailSize` pivots of perm.
 */
export function peelTail(
  n: number,
  adjPtr: Int32Array,
  adjIdx: Int32Array,
  perm: Int32Array,
  tailSize: number,
): { perm: Int32Array; moved: number } | null {
  const t = tailSize;
  if (t < 3 || t > MAX_PEEL_TAIL) return null;
  const ns = n - t;
  // Local tail index of each node (−1: before the tail).
  const local = new Int32Array(n).fill(-1);
  for (let a = 0; a < t; a++) local[perm[ns + a]!] = a;
  const words = (t + 31) >>> 5;
  const adj = new Uint32Array(t * words);
  const setBit = (a: number, b: number): void => {
    adj[a * words + (b >>> 5)]! |= 1 << (b & 31);
  };
  // Components of the graph on the pivots before the tail (union-find with path halving).
  const root = new Int32Array(n);
  for (let i = 0; i < n; i++) root[i] = i;
  const find = (i: number): number => {
    while (root[i] !== i) {
      root[i] = root[root[i]!]!;
      i = root[i]!;
    }
    return i;
  };
  for (let i = 0; i < n; i++) {
    if (local[i]! >= 0) continue;
    for (let p = adjPtr[i]!; p < adjPtr[i + 1]!; p++) {
      const j = adjIdx[p]!;
      if (local[j]! < 0) root[find(i)] = find(j);
    }
  }
  // Tail rows touched by each component (as bits, one row of `touched` per component seen),
  // then direct tail-tail edges.
  const slotOf = new Int32Array(n).fill(-1);
  let touched = new Uint32Array(8 * words);
  let components = 0;
  for (let a = 0; a < t; a++) {
    const i = perm[ns + a]!;
    for (let p = adjPtr[i]!; p < adjPtr[i + 1]!; p++) {
      const j = adjIdx[p]!;
      const b = local[j]!;
      if (b >= 0) {
        setBit(a, b);
        continue;
      }
      const c = find(j);
      if (slotOf[c]! < 0) {
        if ((components + 1) * words > touched.length) {
          const grown = new Uint32Array(2 * touched.length);
          grown.set(touched);
          touched = grown;
        }
        slotOf[c] = components++;
      }
      touched[slotOf[c]! * words + (a >>> 5)]! |= 1 << (a & 31);
    }
  }
  for (let c = 0; c < components; c++) {
    const row = c * words;
    for (let a = 0; a < t; a++) {
      if (((touched[row + (a >>> 5)]! >>> (a & 31)) & 1) === 0) continue;
      for (let w = 0; w < words; w++) adj[a * words + w]! |= touched[row + w]!;
    }
  }
  for (let a = 0; a < t; a++) adj[a * words + (a >>> 5)]! &= ~(1 << (a & 31));
  // Sweep in tail order until nothing moves.
  const gone = new Uint8Array(t);
  const moved: number[] = [];
  let left = t;
  for (let changed = true; changed;) {
    changed = false;
    for (let a = 0; a < t && left > 2; a++) {
      if (gone[a] || !simplicialNotUniversal(adj, words, a, left)) continue;
      gone[a] = 1;
      left--;
      moved.push(a);
      changed = true;
      for (let b = 0; b < t; b++) adj[b * words + (a >>> 5)]! &= ~(1 << (a & 31));
    }
  }
  if (moved.length === 0) return null;
  const out = new Int32Array(n);
  out.set(perm.subarray(0, ns));
  let k = ns;
  for (const a of moved) out[k++] = perm[ns + a]!;
  for (let a = 0; a < t; a++) if (!gone[a]) out[k++] = perm[ns + a]!;
  return { perm: out, moved: moved.length };
}

/** Whether a's neighbours are pairwise adjacent and fewer than the other `left − 1` nodes. */
function simplicialNotUniversal(adj: Uint32Array, words: number, a: number, left: number): boolean {
  const row = a * words;
  let degree = 0;
  for (let w = 0; w < words; w++) degree += popcount(adj[row + w]!);
  if (degree >= left - 1) return false;
  for (let w = 0; w < words; w++) {
    let bits = adj[row + w]!;
    while (bits !== 0) {
      const low = bits & -bits;
      const b = (w << 5) + (31 - Math.clz32(low));
      bits ^= low;
      // N(a) \ {b} ⊆ N(b)
      const rowB = b * words;
      for (let v = 0; v < words; v++) {
        const need = v === w ? adj[row + v]! & ~low : adj[row + v]!;
        if ((need & ~adj[rowB + v]!) !== 0) return false;
      }
    }
  }
  return true;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
